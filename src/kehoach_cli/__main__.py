"""``python -m kehoach_cli`` runs the command line."""

from kehoach_cli.cli.app import main

if __name__ == "__main__":
    main()
