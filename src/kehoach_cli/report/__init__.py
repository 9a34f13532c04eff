"""The report: completion (plan, results, period -> Report), the Report as data, schedule."""
