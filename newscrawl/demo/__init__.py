"""The bundled demo news site: a stdlib static server for data/demo_site (see server.py)."""
