"""How factcheck's shipped models are rebuilt from data (see README.md): `python -m training`."""
