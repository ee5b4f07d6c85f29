"""A .docx is a zip: what is checked before python-docx opens it (a zip bomb, megabytes of XML), from
planner.importeren.documenten. The limits and their reasons are in planner.bibliotheek.grenzen."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from planner.bibliotheek.grenzen import DOCUMENT_XML_BYTES
from planner.kern.fouten import InvoerFout

# A .docx is a zip: refuse one that would unpack to far more than any draaiboek (a zip bomb).
MAX_UITGEPAKT = 60 * 1024 * 1024
# Parts of a .docx that python-docx keeps as bytes (pictures, fonts, embedded files): not XML it parses.
_BINAIR = (".png", ".jpg", ".jpeg", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".wdp", ".svg",
           ".odttf", ".ttf", ".bin", ".mp3", ".mp4", ".wav", ".avi", ".mov")


def controleer_zip(pad: Path, inhoud: io.BytesIO) -> None:
    try:
        with zipfile.ZipFile(inhoud) as pakket:
            uitgepakt = sum(i.file_size for i in pakket.infolist())
            xml = sum(i.file_size for i in pakket.infolist() if not i.filename.lower().endswith(_BINAIR))
    except (zipfile.BadZipFile, OSError, ValueError):
        begin = inhoud.getvalue()[:8]
        if begin.startswith(b"\xd0\xcf\x11\xe0"):
            raise InvoerFout(f"'{pad.name}' is een oud Word-bestand (.doc) met de naam .docx: open het in Word "
                             "en sla het op als .docx.") from None
        raise InvoerFout(f"'{pad.name}' is geen leesbaar Word-document (.docx): het is beschadigd of iets "
                         "anders; open het in Word en sla het opnieuw op als .docx.") from None
    if uitgepakt > MAX_UITGEPAKT:
        raise InvoerFout(f"'{pad.name}' pakt uit tot meer dan {MAX_UITGEPAKT // 1024 // 1024} MB: dat is geen "
                         "gewoon draaiboek; sla alleen de tekst op als .docx of .txt.")
    if xml > DOCUMENT_XML_BYTES:
        raise InvoerFout(f"'{pad.name}' heeft meer dan {DOCUMENT_XML_BYTES // 1024 // 1024} MB tekst en opmaak "
                         "(uitgepakt), veel meer dan een draaiboek: sla alleen het programma op als .docx of .txt; "
                         "er is niets geschreven.")
