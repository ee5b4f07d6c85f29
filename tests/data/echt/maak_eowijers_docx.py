"""Builds eowijers_slotbijeenkomst.docx from the published programme text (eowijers_slotbijeenkomst.txt).

Run from this folder: python maak_eowijers_docx.py. The text is the programme as published at
https://www.aanmelder.nl/eowijers-slotbijeenkomst/part_program; only the layout is Word's: a programme table
(Tijd | Programma) as people make it, with the pause row merged across all columns and the 13:30 entry split
over two rows whose Tijd cells are merged vertically. A text box is not built (python-docx cannot).
"""

from pathlib import Path

import docx

RIJEN = [
    ("12:30", "Inloop, badge ophalen, informatie over de coronaregels en zaalverdeling. Bekijken van de "
              "tentoonstelling met alle ontwerpen door groep A"),
    ("13:30", "Welkomstwoord door dagvoorzitter Paul Gerretsen."),
    ("13:30", "Terugblik door Eo Wijers voorzitter Joost Schrijnen"),
    ("13:45", "Verslag van Eo Wijers juryvoorzitter Bart Krol"),
    ("14:00", "De ontwerpteams in de spotlight. Gesprek onder leiding van Paul Gerretsen met de teams"),
    ("14:30", "Uitreiking van de landelijke Eo Wijers 2019-2020 Award"),
    ("15:00 Pauze", "Bekijken van de tentoonstelling met alle ontwerpen door groep B"),  # merged row
    ("15:45", "Discussie over de inzichten en aanbevelingen voor het landelijk gebied met diverse betrokkenen en "
              "deskundigen. Met inleiding van Dirk Sijmons (Professor Landscape Architecture)"),
    ("16:30", "Overhandiging van de aanbevelingen aan de ministeries van LNV en BZK en de provincies"),
    ("16:40", "Samenvatting en afronding"),
    ("17:00", "Einde, uitloop met (op afstand) een drankje\nBekijken van de tentoonstelling met alle ontwerpen "
              "door groep C"),
]


def bouw(pad: Path) -> None:
    document = docx.Document()
    document.add_heading("Programma Eo Wijers slotbijeenkomst", level=1)
    document.add_paragraph("23 september 2020")
    tabel = document.add_table(rows=1 + len(RIJEN), cols=2)
    tabel.style = "Table Grid"
    tabel.cell(0, 0).text = "Tijd"
    tabel.cell(0, 1).text = "Programma"
    for i, (tijd, tekst) in enumerate(RIJEN, start=1):
        if tijd.endswith("Pauze"):
            cel = tabel.cell(i, 0).merge(tabel.cell(i, 1))
            cel.text = tijd
            cel.add_paragraph(tekst)
            continue
        tabel.cell(i, 0).text = tijd
        regels = tekst.split("\n")
        tabel.cell(i, 1).text = regels[0]
        for regel in regels[1:]:
            tabel.cell(i, 1).add_paragraph(regel)
    # The two 13:30 rows share one Tijd cell, as when an author splits an entry without retyping the time.
    boven, onder = tabel.cell(2, 0), tabel.cell(3, 0)
    onder.text = ""
    boven.merge(onder)
    for alinea in list(boven.paragraphs)[1:]:
        if not alinea.text:
            alinea._element.getparent().remove(alinea._element)
    document.save(str(pad))


if __name__ == "__main__":
    bouw(Path(__file__).with_name("eowijers_slotbijeenkomst.docx"))
