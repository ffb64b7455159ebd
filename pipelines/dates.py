"""Date strings from news pages to ISO 8601 with an offset.

Vietnamese sites print local time in day-first forms ("Thứ Tư, 31/7/2024 - 10:25",
"31/07/2024 10:25 GMT+7"); dateparser handles most forms but guesses month-first
for "7/31"-ambiguous strings and knows no weekday names in Vietnamese, so the
day-first numeric form is parsed here first and dateparser is the fallback.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

_DMY = re.compile(
    r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"  # 31/7/2024
    r"(?:\D{0,12}?(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?"  # - 10:25 / 10h25
    r"(?:\s*\(?(?:GMT|UTC)\s*([+-]\d{1,2})(?::?(\d{2}))?\)?)?",  # GMT+7
    re.IGNORECASE,
)
_ISO_LIKE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_ISO_BASIC = re.compile(r"^\d{8}T\d{4}")  # 20180619T055000+0900
# "10:25 31/7/2024": time before the date, common on Vietnamese sites.
_TIME_FIRST = re.compile(r"(\d{1,2})[:h](\d{2})\D{1,6}(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


#: dateparser without a language list tries all of its ~400 locales: measured 3-5 s
#: on one Japanese page.  The page's language plus these covers the dev corpus.
FALLBACK_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "vi"]


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _finish(dt: datetime, default_tz: tzinfo | None) -> str:
    if dt.tzinfo is None:
        # No offset on the page: the site's own zone is the best guess; UTC otherwise.
        dt = dt.replace(tzinfo=default_tz or UTC)
    return dt.isoformat()


def _from_dmy(raw: str, default_tz: tzinfo | None) -> datetime | None:
    m = _DMY.search(raw)
    t = _TIME_FIRST.search(raw)
    if m and not (t and m.group(4) is None):
        day, month, year, hour, minute, second, off_h, off_m = m.groups()
    elif t:  # "10:25 31/07/2024": the time stands before the date
        hour, minute, day, month, year = t.groups()
        second = off_h = off_m = None
    else:
        return None
    try:
        dt = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if off_h:
        sign = -1 if off_h.startswith("-") else 1
        offset = timedelta(hours=abs(int(off_h)), minutes=int(off_m or 0)) * sign
        return dt.replace(tzinfo=timezone(offset))
    return dt.replace(tzinfo=default_tz) if default_tz else dt


def parse_date(raw: str | None, timezone_name: str | None = None, languages: list[str] | None = None) -> str | None:
    """ISO 8601 string with offset for ``raw``, or None when it is not a date."""
    if not raw or not raw.strip():
        return None
    raw = " ".join(raw.split())
    default_tz = _zone(timezone_name)
    if _ISO_LIKE.match(raw) or _ISO_BASIC.match(raw):
        try:
            return _finish(datetime.fromisoformat(raw.replace("Z", "+00:00")), default_tz)
        except ValueError:
            pass
    else:
        dt = _from_dmy(raw, default_tz)
        if dt is not None:
            return _finish(dt, default_tz)
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
    if _ISO_LIKE.match(raw):
        settings["DATE_ORDER"] = "YMD"
    try:
        parsed = dateparser.parse(raw, languages=languages or FALLBACK_LANGUAGES, settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        parsed = None
    if parsed is None or not (1990 <= parsed.year <= 2100):
        return None
    return _finish(parsed, default_tz)


#: Languages whose pages print numeric dates day first.  English is left out: US
#: pages print "11/02/2012" month first (dev: dragnet blogs), UK pages day first.
DAY_FIRST_LANGUAGES = frozenset(
    {"vi", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "da", "no", "nb", "sv", "fi", "ru", "uk", "tr", "id"}
)
#: Languages spoken in one time zone: a page that prints local time without an
#: offset is in that zone (Vietnamese sites print "31/07/2024 - 07:30", no offset).
LANGUAGE_ZONES = {"vi": "Asia/Ho_Chi_Minh", "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "th": "Asia/Bangkok"}
# "Thứ Tư, 31/07/2024 - 07:30", "31/7/2024 10:25 GMT+7", "10:25 31/7/2024": a date with a time.
_DATE_WITH_TIME = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\D{0,12}?\d{1,2}[:hg]\d{2}|\d{1,2}[:h]\d{2}\D{1,6}\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
_NOT_PUBLICATION = re.compile(r"(today|date-?now|time-?now|current|clock|weather|comment)", re.I)


def dom_date(tree) -> str | None:
    """The first short page text holding a day-first date *with a time*.

    For pages without JSON-LD or meta dates (2012-era Vietnamese markup).  A time
    is required because headers print today's date without one ("Thứ Năm,
    01/08/2024"), and comments, which also carry times, come after the story."""
    body = tree.find("body")
    if body is None:
        return None
    for el in body.iter("span", "div", "p", "td", "time", "em", "small", "li"):
        text = el.text_content() if len(el) <= 2 else ""
        if not text or len(text) > 80:
            continue
        if _NOT_PUBLICATION.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        m = _DATE_WITH_TIME.search(text)
        if m:
            return " ".join(text.split())
    return None
