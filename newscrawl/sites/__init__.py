"""Site declarations: one small TOML file per site in this folder (data, no logic).

``load_registry()`` reads them all; an invalid file raises :class:`SiteError`
naming the file, the field and what is wrong.
"""

from newscrawl.sites.declaration import SiteDeclaration, SiteError, load_registry, load_site

__all__ = ["SiteDeclaration", "SiteError", "load_registry", "load_site"]
