"""The output schema: the committed JSON Schema is current, and records validate against it."""

import json
import unicodedata

import jsonschema
import pytest
from pydantic import ValidationError

from newscrawl.cli.schema import SCHEMA_FILE, render
from pipelines import extract
from pipelines.schema import Article


def test_committed_json_schema_is_current():
    assert SCHEMA_FILE.exists(), "run `newscrawl schema --write`"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "schema/article.schema.json is stale: run `newscrawl schema --write`"


def test_every_field_is_documented():
    schema = json.loads(render())
    for name, definition in [("Article", schema), *schema["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            if name in ("FieldProvenance",):
                continue
            assert spec.get("description"), f"{name}.{field} has no description"


def test_only_url_is_required():
    assert json.loads(render())["required"] == ["url"]
    with pytest.raises(ValidationError):
        Article()  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Article(url="http://x/", not_a_field=1)  # type: ignore[call-arg]


def test_extracted_record_validates_and_is_nfc():
    # "Tiếng Việt" written with combining marks (NFD): output must be NFC.
    title = unicodedata.normalize("NFD", "Tiếng Việt có dấu")
    paragraph = unicodedata.normalize("NFD", "Người dân Hà Nội đã tham gia rất đông vào ngày hội lớn của thành phố năm nay. ") * 4
    html = f"<html lang='vi'><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    record = extract(html, "https://example.vn/a/b-c-d.html").model_dump(mode="json")
    jsonschema.validate(record, json.loads(render()))
    assert record["title"] == unicodedata.normalize("NFC", title)
    assert unicodedata.is_normalized("NFC", record["body"])
    assert record["language"] == "vi"
