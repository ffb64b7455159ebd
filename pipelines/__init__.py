"""newscrawl's extraction core: plain functions over HTML, no Scrapy or Twisted.

Public surface::

    from pipelines import extract, Article, Profile
    article = extract(html, url, profile=None)
"""

from pipelines.extract import extract
from pipelines.profile import Profile
from pipelines.schema import Article, Image, RelatedLink, Video

__all__ = ["extract", "Article", "Image", "RelatedLink", "Video", "Profile"]
