"""The floor any Typer CLI pays: a minimal app, set up as kehoach sets up its own.

``python typer_floor.py --help`` is the start-up floor the benchmark divides by; ``python
typer_floor.py --name x`` runs the command, which is what Typer itself costs before any work
(Typer coerces parameters through pydantic, so running a command imports it).
"""

import typer

app = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)


@app.command()
def main(name: str = "x") -> None:
    """Print a name."""
    typer.echo(name)


if __name__ == "__main__":
    app()
