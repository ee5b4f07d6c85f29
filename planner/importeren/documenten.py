"""Reading a facilitator's own document (Word .docx, Markdown, plain text) into lines and tables.

Only reading: nothing in a document is executed or followed. python-docx reads the XML parts of the
package without resolving entities, never runs macros and never fetches a relationship's external
target (a linked image or template); this module only asks it for paragraphs and tables.
"""

from __future__ import annotations

import io
import os
import re
import stat
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from planner.bibliotheek.grenzen import DOCUMENT_BYTES, DOCUMENT_REGELS
from planner.importeren.pakket import controleer_zip
from planner.kern.fouten import InvoerFout
from planner.kern.veilig import os_reden

MAX_BYTES = DOCUMENT_BYTES  # the limits and their reasons: planner.bibliotheek.grenzen
TEKST = (".txt", ".text", ".md", ".markdown")
WORD = (".docx",)
LANGE_REGEL = 2000


@dataclass(frozen=True)
class Regel:
    """One line of a document: a heading ("kop"), plain text, a bullet ("punt") or a numbered item."""

    tekst: str
    soort: str = "tekst"
    niveau: int = 0


@dataclass(frozen=True)
class Tabel:
    """A table: rows of cells; a cell's lines are separated by newlines, bullets start with '• '."""

    rijen: tuple[tuple[str, ...], ...]
    # (row, column) of cells merged with the cell above them in Word: their text repeats the one above.
    vervolg: frozenset[tuple[int, int]] = frozenset()


Blok = Regel | Tabel


def lees(pad: Path) -> list[Blok]:
    """The blocks of the document at `pad`, in document order; refuses what it cannot read safely."""
    soort = _controleer_bestand(pad)
    if soort == "docx":
        return _lees_docx(pad)
    tekst = _lees_tekst(pad)
    # Each line costs microseconds: 5 MB of short lines is millions. ('\r\n' is one line end.)
    if sum(map(tekst.count, ("\n", "\r", "\f", "\u2028"))) - tekst.count("\r\n") > DOCUMENT_REGELS:
        raise _te_veel_regels(pad)
    return lees_tekst(tekst, markdown=pad.suffix.lower() in (".md", ".markdown"))


def _te_veel_regels(pad: Path) -> InvoerFout:
    return InvoerFout(f"'{pad.name}' heeft meer dan {DOCUMENT_REGELS:,} regels".replace(",", ".") + ", veel meer dan "
                      "een draaiboek: importeer alleen het programma (knip de rest weg); er is niets geschreven.")


def _controleer_bestand(pad: Path) -> str:
    naam = pad.name
    try:
        # stat, not open: opening a FIFO or a device could block or read forever.
        info = os.stat(pad)
    except FileNotFoundError:
        raise InvoerFout(f"Het bestand '{pad}' bestaat niet: controleer het pad.") from None
    except OSError as fout:
        raise InvoerFout(f"Het bestand '{pad}' kan ik niet lezen ({os_reden(fout)}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise InvoerFout(f"'{pad}' is een map: geef een .docx-, .md- of .txt-bestand.")
    if not stat.S_ISREG(info.st_mode):
        raise InvoerFout(f"'{pad}' is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat): "
                         "geef een .docx-, .md- of .txt-bestand.")
    if info.st_size > MAX_BYTES:
        raise InvoerFout(f"'{naam}' is {info.st_size / 1024 / 1024:.1f} MB, te groot voor een draaiboek "
                         f"(hooguit {MAX_BYTES // 1024 // 1024} MB): haal afbeeldingen weg of sla alleen de tekst op.")
    achtervoegsel = pad.suffix.lower()
    if achtervoegsel == ".doc":
        raise InvoerFout(f"'{naam}' is een oud Word-bestand (.doc): open het in Word of LibreOffice en "
                         "sla het op als .docx, dan kan ik het lezen.")
    if achtervoegsel in (".docm", ".dotx", ".dotm", ".odt", ".rtf", ".pdf", ".pages"):
        raise InvoerFout(f"'{naam}' kan ik niet lezen: sla het op als Word-document (.docx) of als tekst (.txt).")
    if achtervoegsel in WORD:
        return "docx"
    if achtervoegsel in TEKST or achtervoegsel == "":
        return "tekst"
    raise InvoerFout(f"'{naam}' kan ik niet lezen: ik lees .docx, .md en .txt; sla het draaiboek in een "
                     "van die vormen op.")


def _lees_bytes(pad: Path) -> bytes:
    """The document's bytes through the one safe reader: never blocks, never more than MAX_BYTES."""
    from planner.bibliotheek.lezen import OnleesbaarBestand, lees_bytes

    try:
        return lees_bytes(pad, MAX_BYTES)
    except OnleesbaarBestand as fout:
        raise InvoerFout(f"'{pad}' kan ik niet lezen: {fout.strerror}; geef een .docx-, .md- of "
                         ".txt-bestand.") from None


def _lees_tekst(pad: Path) -> str:
    data = _lees_bytes(pad)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvoerFout(f"'{pad.name}' is een oud Word-bestand (.doc) met een andere naam: sla het op als .docx.")
    if data.startswith(b"PK\x03\x04"):
        raise InvoerFout(f"'{pad.name}' is een ingepakt bestand (zoals .docx) met een tekst-naam: "
                         "geef het de naam die erbij hoort (.docx), of sla het op als tekst.")
    for bom, codering in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codering, errors="replace")
    if b"\x00" in data[:4096]:
        raise InvoerFout(f"'{pad.name}' is geen tekstbestand: sla het draaiboek op als .txt, .md of .docx.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows' own encoding, as Notepad and Word's "tekst zonder opmaak" often write it.
        return data.decode("cp1252", errors="replace")


# --- text and Markdown -------------------------------------------------------------------------

_SPATIES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
_ONZICHTBAAR = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Linear on any line (issue 21.1): whitespace runs are possessive ('\s*+' never gives a space back),
# and what a heading ends with is cut off with string work, not with a pattern that backtracks.
_PUNT = re.compile(r"^(?P<in>\s*+)(?P<teken>[•·▪◦‣∙●○■□➢➤►✓✔\-\*\+–o])\s++(?P<rest>\S.*)$")
_NUMMER = re.compile(r"^(?P<in>\s*+)(?:\d{1,2}|[a-zA-Z])[.)]\s++(?P<rest>\S.*)$")
_MD_KOP = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]++(.*))?$")
_VET = re.compile(r"^\s*+(\*\*|__)(?P<tekst>[^*_].*?)\1\s*+:?\s*+$")
_TABEL_SCHEIDING = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
_LINK = re.compile(r"!?\[([^\[\]]*+)\]\([^()\s]*+\)")
_VETTE_TEKST = re.compile(r"(\*\*|__)(.+?)\1")
# '*schuin*': the text between holds no '*', so a line of ' *a *a *a' is not searched to its end from every star.
_SCHUINE_TEKST = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?!\w)")
_ONTSNAPT = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_WITRUIMTE = re.compile(r"[ \t]+")
_PIJP = re.compile(r"(?<!\\)\|")
_TABS = re.compile(r"\t+")
_LIJN = re.compile(r"^\s*+(?:[-*_]\s*+){3,}+$")
_CIJFER = re.compile(r"\d")


def schoon(tekst: str) -> str:
    """Non-breaking and odd spaces become spaces, invisible characters go, runs of spaces shrink."""
    tekst = _ONZICHTBAAR.sub("", _SPATIES.sub(" ", tekst))
    return _WITRUIMTE.sub(" ", tekst).strip()


def _zonder_opmaak(tekst: str) -> str:
    """Markdown emphasis and links as plain text (a link's address is not followed, nor kept)."""
    tekst = _LINK.sub(r"\1", tekst)
    tekst = _VETTE_TEKST.sub(r"\2", tekst)
    tekst = _SCHUINE_TEKST.sub(r"\1", tekst)
    tekst = tekst.replace("`", "")
    return _ONTSNAPT.sub(r"\1", tekst)


def regel_van(ruw: str, markdown: bool = False) -> Regel:
    """Classify one line of text: heading, bullet (with its depth), numbered item or plain text."""
    ruw = _ONZICHTBAAR.sub("", _SPATIES.sub(" ", ruw.replace("\t", "    ")))
    if len(ruw) > LANGE_REGEL:
        return Regel(schoon(ruw))  # a long paragraph is text; no pattern needs to search all of it
    if markdown:
        kop = _MD_KOP.match(ruw)
        if kop:
            return Regel(schoon(_zonder_opmaak(_koptekst(kop[2] or ""))), "kop", len(kop[1]))
        vet = _VET.match(ruw)
        if vet:
            return Regel(schoon(_zonder_opmaak(vet["tekst"])), "kop", 7)
    punt = _PUNT.match(ruw)
    if punt and not (punt["teken"] == "o" and not punt["rest"][:1].isalpha()):
        inspringing = len(punt["in"])
        # 'o', '◦', '▪' are what Word uses for the second level of bullets.
        niveau = 1 if inspringing >= 2 or punt["teken"] in "o◦○▪■□" else 0
        tekst = punt["rest"]
        return Regel(schoon(_zonder_opmaak(tekst) if markdown else tekst), "punt", niveau)
    nummer = _NUMMER.match(ruw)
    if nummer:
        tekst = nummer["rest"]
        return Regel(schoon(_zonder_opmaak(tekst) if markdown else tekst), "nummer",
                     1 if len(nummer["in"]) >= 2 else 0)
    return Regel(schoon(_zonder_opmaak(ruw) if markdown else ruw))


def _koptekst(tekst: str) -> str:
    """A Markdown heading's text without its closing hashes ('## Welkom ##'), as string work."""
    kaal = tekst.rstrip()
    zonder = kaal.rstrip("#")
    if zonder != kaal and (not zonder or zonder[-1] in " \t"):
        kaal = zonder.rstrip()
    return kaal


def _zonder_voorwerk(tekst: str) -> tuple[str, str]:
    """Markdown's front matter ('---' / 'layout: post' / 'title: …' / '---', as Jekyll and Hugo write it) is
    no part of the text: only its title is kept."""
    regels = tekst.split("\n", 60)
    if not regels or regels[0].strip() != "---":
        return tekst, ""
    for i, regel in enumerate(regels[1:60], start=1):
        if regel.strip() in ("---", "..."):
            titel = ""
            for kop in regels[1:i]:
                sleutel, _, waarde = kop.partition(":")
                if sleutel.strip().lower() == "title":
                    titel = schoon(waarde.strip().strip("\"'"))
            return "\n".join(regels[i + 1:]), titel
    return tekst, ""


def _cellen(regel: str) -> list[str]:
    if "|" in regel:
        cellen = regel.strip()
        cellen = cellen[1:] if cellen.startswith("|") else cellen
        cellen = cellen[:-1] if cellen.endswith("|") else cellen
        return [c.strip() for c in _PIJP.split(cellen)]
    return [c.strip() for c in _TABS.split(regel.strip())]


def _is_tabelregel(regel: str) -> bool:
    kern = regel.strip()
    if len(kern) > LANGE_REGEL:
        return False
    if kern.count("|") >= 2 or (kern.startswith("|") and kern.count("|") >= 1):
        return True
    return "\t" in kern


def lees_tekst(tekst: str, markdown: bool = False) -> list[Blok]:
    """Blocks of a text or Markdown file; pipe or tab separated lines become a table."""
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\f", "\n")
    blokken: list[Blok] = []
    rijen: list[tuple[str, ...]] = []
    in_code = False
    if markdown:
        tekst, titel = _zonder_voorwerk(tekst)
        if titel:
            blokken.append(Regel(titel, "kop", 0))

    def sluit_tabel() -> None:
        if len(rijen) >= 2:
            blokken.append(Tabel(tuple(rijen)))
        else:
            blokken.extend(regel_van("  ".join(r), markdown) for r in rijen)
        rijen.clear()

    for ruw in tekst.split("\n"):
        if markdown and ruw.strip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if len(ruw) > LANGE_REGEL:
            # A long paragraph is text: no table, rule or code fence; no pattern needs to search all of it.
            sluit_tabel()
            blokken.append(regel_van(ruw, markdown))
            continue
        if markdown and (ruw.strip().startswith("<!--") or _LIJN.fullmatch(ruw)):
            continue  # comments and horizontal rules
        if _TABEL_SCHEIDING.match(ruw) and rijen:
            continue
        if _is_tabelregel(ruw) and not in_code:
            cellen = [_zonder_opmaak(c) if markdown else c for c in _cellen(ruw)]
            if sum(1 for c in cellen if c.strip()) >= 1 and len(cellen) >= 2:
                rijen.append(tuple(cellen))
                continue
        sluit_tabel()
        if markdown and ruw.lstrip().startswith(">"):
            ruw = ruw.lstrip()[1:]
        blokken.append(regel_van(ruw, markdown))
    sluit_tabel()
    return blokken


# --- Word --------------------------------------------------------------------------------------


def _lees_docx(pad: Path) -> list[Blok]:
    # Read once, through the safe reader; zipfile and python-docx get the bytes, never the path
    # (which could be swapped for a FIFO or a device after it was checked).
    pakket = io.BytesIO(_lees_bytes(pad))
    controleer_zip(pad, pakket)
    try:
        import docx  # python-docx: only 'planner importeer' pays for importing it
    except ImportError:  # pragma: no cover - a broken installation
        raise InvoerFout("Word-bestanden lezen kan pas als python-docx is geïnstalleerd: "
                         "pip install python-docx (of installeer de planner opnieuw).") from None
    try:
        document = docx.Document(pakket)
        # Paragraphs, breaks, rows and cells (and runs: a paragraph has a few), counted in lxml before
        # python-docx reads them one by one: a small .docx can hold millions of them.
        lichaam, grens = document.element.body, DOCUMENT_REGELS
        if (sum(1 for _ in islice(lichaam.iter(*(_W + t for t in ("p", "br", "cr", "tr", "tc"))), grens + 1)) > grens
                or sum(1 for _ in islice(lichaam.iter(f"{_W}r"), 5 * grens + 1)) > 5 * grens):
            raise _te_veel_regels(pad)
        return list(_docx_blokken(document))
    except InvoerFout:
        raise
    except Exception:
        # python-docx raises many kinds of errors for a damaged package; the user needs one sentence.
        raise InvoerFout(f"'{pad.name}' is geen leesbaar Word-document (.docx): het is beschadigd of "
                         "iets anders; open het in Word en sla het opnieuw op als .docx.") from None


def _docx_blokken(document: object):  # type: ignore[no-untyped-def]
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    nummering = _nummering(document)
    stijlen: dict[str | None, object] = {}
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def blokken(element):  # type: ignore[no-untyped-def]
        for kind in element.iterchildren():
            if kind.tag == f"{ns}p":
                yield from _docx_regels(Paragraph(kind, document.part), nummering, stijlen)  # type: ignore[attr-defined]
            elif kind.tag == f"{ns}tbl":
                tabel = Table(kind, document.part)  # type: ignore[attr-defined]
                if all(len({c._tc for c in rij.cells}) == 1 for rij in tabel.rows):
                    # A one-column table is layout (a frame around the text): read what is inside.
                    for rij in tabel.rows:
                        yield from blokken(rij.cells[0]._tc)
                else:
                    vervolg: set[tuple[int, int]] = set()
                    yield Tabel(tuple(_docx_rijen(tabel, nummering, stijlen, vervolg)), frozenset(vervolg))
            elif kind.tag in (f"{ns}sdt", f"{ns}sdtContent", f"{ns}customXml"):
                # Content controls (forms, templates) hold ordinary paragraphs and tables.
                yield from blokken(kind)

    yield from blokken(document.element.body)  # type: ignore[attr-defined]


def _docx_rijen(tabel, nummering, stijlen, vervolg=None):  # type: ignore[no-untyped-def]
    boven: list = []
    for r, rij in enumerate(tabel.rows):
        cellen = []
        vorige = None
        deze: list = []
        for cel in rij.cells:
            # A merged cell is returned once per grid column it spans: keep it once.
            if vorige is not None and cel._tc is vorige:
                continue
            vorige = cel._tc
            if vervolg is not None and len(deze) < len(boven) and boven[len(deze)] is cel._tc:
                vervolg.add((r, len(deze)))  # merged with the cell above (python-docx repeats its text)
            deze.append(cel._tc)
            regels = []
            for alinea in cel.paragraphs:
                for r in _docx_regels(alinea, nummering, stijlen):
                    inspringing = "  " * r.niveau
                    regels.append(f"{inspringing}• {r.tekst}" if r.soort in ("punt", "nummer") else r.tekst)
            for binnen in cel.tables:  # a table in a cell: its text, row by row
                for binnenrij in _docx_rijen(binnen, nummering, stijlen):
                    regels.append(" – ".join(c.replace("\n", " ") for c in binnenrij if c))
            cellen.append("\n".join(regels))
        boven = deze
        yield tuple(cellen)


def _stijl(alinea, stijlen):  # type: ignore[no-untyped-def]
    # Once per style id: python-docx searches all styles per lookup (~0.7 ms; 19,000 paragraphs took 30 s).
    sleutel = alinea._p.style
    if sleutel not in stijlen:
        stijlen[sleutel] = alinea.style
    return stijlen[sleutel]


def _docx_regels(alinea, nummering, stijlen):  # type: ignore[no-untyped-def]
    opmaak = _stijl(alinea, stijlen)
    stijl = (opmaak.name if opmaak is not None else "") or ""
    laag = stijl.lower()
    for deel in _alinea_tekst(alinea._p).split("\n"):
        tekst = schoon(deel)
        if not tekst:
            yield Regel("")
            continue
        if laag.startswith(("heading", "kop")) or laag in ("title", "titel", "subtitle", "ondertitel"):
            niveau = int(m[0]) if (m := _CIJFER.search(laag)) else (0 if "titel" in laag or "title" in laag else 1)
            yield Regel(tekst, "kop", niveau)
            continue
        lijst = _lijstsoort(alinea, laag, nummering)
        if lijst is not None:
            soort, niveau = lijst
            yield Regel(tekst, soort, niveau)
            continue
        if _vet(alinea, opmaak) and len(tekst) <= 120 and not tekst.endswith((".", ",", ";")):
            yield Regel(tekst.rstrip(":").strip() or tekst, "kop", 7)
            continue
        # A bullet typed by hand (• or -) in a plain paragraph.
        yield regel_van(tekst)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _alinea_tekst(p) -> str:  # type: ignore[no-untyped-def]
    """A paragraph's text, including tracked insertions and text boxes (deleted text is w:delText).

    A text box is stored twice (issue 20.7): as a drawing (mc:Choice) and, for old Word versions, as a
    VML copy (mc:Fallback). The copy is skipped, so the programme in a text box is read once."""
    delen: list[str] = []

    def lees(element) -> None:  # type: ignore[no-untyped-def]
        for kind in element:
            tag = kind.tag
            if tag == _MC_FALLBACK:
                continue
            if tag == f"{_W}t":
                delen.append(kind.text or "")
            elif tag == f"{_W}tab":
                delen.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                delen.append("\n")
            else:
                if tag == f"{_W}p":
                    delen.append("\n")  # a paragraph inside a text box
                lees(kind)

    lees(p)
    return "".join(delen)


def _vet(alinea, opmaak) -> bool:  # type: ignore[no-untyped-def]
    runs = [r for r in alinea.runs if r.text.strip()]
    if not runs:
        return False
    stijl_vet = bool(opmaak is not None and opmaak.font is not None and opmaak.font.bold)
    return all(r.bold or (r.bold is None and stijl_vet) for r in runs)


def _lijstsoort(alinea, stijl: str, nummering):  # type: ignore[no-untyped-def]
    """('punt' | 'nummer', depth) for a list paragraph, None for any other."""
    ppr = alinea._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    niveau = 0
    soort = None
    if numpr is not None and numpr.numId is not None and numpr.numId.val != 0:
        niveau = numpr.ilvl.val if numpr.ilvl is not None else 0
        formaat = nummering.get((numpr.numId.val, niveau))
        soort = "punt" if formaat in (None, "bullet", "none") else "nummer"
    if "bullet" in stijl or "opsomming" in stijl:
        soort = "punt"
        niveau = niveau or (int(m[0]) - 1 if (m := _CIJFER.search(stijl)) else 0)
    elif "number" in stijl or "nummering" in stijl:
        soort = "nummer"
        niveau = niveau or (int(m[0]) - 1 if (m := _CIJFER.search(stijl)) else 0)
    elif soort is None and "list" in stijl:
        soort = "punt"
    if soort is None:
        return None
    return soort, min(niveau, 1)


def _nummering(document) -> dict[tuple[int, int], str]:  # type: ignore[no-untyped-def]
    """(numId, level) -> number format ('bullet', 'decimal', …) from the numbering part, if any."""
    try:
        deel = document.part.numbering_part
    except Exception:  # no numbering part: a document without lists
        return {}
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    abstract: dict[str, dict[int, str]] = {}
    for a in deel.element.findall(f"{ns}abstractNum"):
        niveaus = {}
        for lvl in a.findall(f"{ns}lvl"):
            fmt = lvl.find(f"{ns}numFmt")
            niveaus[int(lvl.get(f"{ns}ilvl", "0"))] = fmt.get(f"{ns}val") if fmt is not None else "bullet"
        abstract[a.get(f"{ns}abstractNumId", "")] = niveaus
    formaten: dict[tuple[int, int], str] = {}
    for num in deel.element.findall(f"{ns}num"):
        ref = num.find(f"{ns}abstractNumId")
        if ref is None:
            continue
        for niveau, fmt in abstract.get(ref.get(f"{ns}val", ""), {}).items():
            formaten[(int(num.get(f"{ns}numId", "0")), niveau)] = fmt
    return formaten
