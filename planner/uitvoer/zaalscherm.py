"""The room view of `planner live --zaal`: what the projector shows, and the page that shows it.

`beeld` turns the running session into plain JSON-ready data for the room: the big timer, the
running part's title (as participants read it), its questions for the group and how the group
works (werkvorm, groepjes) — never the facilitator's instructions or bracketed notes, never how
far behind the session is. `pagina` is the page itself: static HTML with a small inline script that
polls that data once a second and counts down in between. The page never changes anything.
"""

from __future__ import annotations

import html
from datetime import datetime

from planner.kern.live_staat import LiveStaat
from planner.kern.model import GeplandOnderdeel
from planner.kern.tekst import groepjes_tekst
from planner.kern.tijd import kloktijd
from planner.uitvoer.handout import is_van_de_planner, titel_voor_deelnemers
from planner.uitvoer.kaarten import vragen_voor_deelnemers

# Room states the page knows (the "toestand" key).
WACHT, LOOPT, PAUZE, KLAAR = "wacht", "loopt", "pauze", "klaar"


def _onderdeel(o: GeplandOnderdeel) -> dict[str, object]:
    eigen = is_van_de_planner(o)
    return {
        "titel": titel_voor_deelnemers(o),
        "start": kloktijd(o.start),
        "eind": kloktijd(o.eind),
        # The planner's own parts (welkom terug, vrije ruimte) have no questions for the group.
        "vragen": [] if eigen else [{"tekst": v.tekst, "sub": list(v.sub)} for v in vragen_voor_deelnemers(o)],
        "indeling": "" if eigen else " · ".join(t for t in (o.werkvorm, groepjes_tekst(o.groepjes)) if t),
    }


def beeld(staat: LiveStaat, nu: datetime) -> dict[str, object]:
    """What the room sees at `nu`: pure, JSON-ready (strings, numbers, lists, booleans)."""
    d = staat.origineel.draaiboek
    sessies = len(staat.origineel.sessies)
    o = staat.huidig
    if staat.klaar:
        toestand = KLAAR
    elif not staat.gestart:
        toestand = WACHT
    elif staat.gepauzeerd:
        toestand = PAUZE
    else:
        toestand = LOOPT
    volgende = [x for x in staat.volgende() if not is_van_de_planner(x)]
    if not staat.gestart and staat.onderdelen:
        # Before the start the room sees what comes first, with the countdown to the start.
        o = staat.onderdelen[0]
        volgende = volgende[1:]
    afronden = staat.afronden_om()
    return {
        "draaiboek": d.titel,
        "sessie": f"Sessie {staat.sessienummer} van {sessies}" if sessies > 1 else "",
        "toestand": toestand,
        "gestopt": staat.stand.gestopt,
        "onderdeel": None if o is None or staat.klaar else _onderdeel(o),
        # Seconds left for the running part (negative: over time); before the start: until it.
        "resterend_s": 0 if staat.klaar else int(staat.resterend(nu).total_seconds()),
        "afronden": bool(afronden is not None and staat.huidig is not None and staat.huidig.start < afronden <= nu),
        "volgende": None if not volgende or staat.klaar else {"titel": titel_voor_deelnemers(volgende[0]),
                                                              "start": kloktijd(volgende[0].start)},
        "einde": kloktijd(staat.afgesproken_eind),
        "nu": f"{nu:%H:%M:%S}",
    }


PAGINA = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titel} — zaalscherm</title>
<style>
html, body {{ margin: 0; height: 100%; background: #111; color: #f4f4f4;
  font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }}
body {{ display: flex; flex-direction: column; padding: 3vh 4vw; box-sizing: border-box; }}
#kop {{ font-size: 2.2vh; color: #aaa; display: flex; justify-content: space-between; gap: 2em; }}
#titel {{ font-size: 6vh; font-weight: bold; margin: 2vh 0 0; line-height: 1.15; }}
#indeling {{ font-size: 2.8vh; color: #ccc; margin: 1vh 0 0; min-height: 1em; }}
#bijschrift {{ font-size: 2.8vh; color: #aaa; margin: 2vh 0 0; min-height: 1em; }}
#klok {{ font-size: 24vh; font-weight: bold; line-height: 1; margin: 0 0 2vh;
  font-variant-numeric: tabular-nums; letter-spacing: .02em; }}
#klok.om {{ color: #ff8a65; }}
#klok.pauze {{ color: #888; }}
#toestand {{ font-size: 3.2vh; color: #ffd54f; min-height: 1.2em; }}
#vragen {{ font-size: 3.6vh; line-height: 1.35; margin: 2vh 0 0; padding: 0; list-style: none;
  flex: 1; overflow: hidden; }}
#vragen li {{ margin-bottom: .6em; }}
#vragen ul {{ font-size: .8em; color: #ddd; list-style: disc; padding-left: 1.4em; }}
#straks {{ font-size: 2.6vh; color: #aaa; border-top: 1px solid #444; padding-top: 1vh; }}
#verbinding {{ display: none; font-size: 2.6vh; color: #111; background: #ffd54f; padding: .4em .8em; }}
body.los #verbinding {{ display: block; }}
body.los #klok {{ color: #666; }}
</style>
</head>
<body>
<div id="verbinding">Geen verbinding met de klok van de begeleider; de tijd hieronder is de laatst bekende.</div>
<div id="kop"><span id="draaiboek">{titel}</span><span id="sessie"></span><span id="einde"></span></div>
<div id="titel">Even geduld…</div>
<div id="indeling"></div>
<div id="bijschrift"></div>
<div id="klok">--:--</div>
<div id="toestand"></div>
<ol id="vragen"></ol>
<div id="straks"></div>
<script nonce="{nonce}">
"use strict";
const bron = "stand.json";
let stand = null, ontvangen = 0, mislukt = 0;
function zet(id, tekst) {{ document.getElementById(id).textContent = tekst; }}
function duur(s) {{
  const over = s < 0; s = Math.abs(Math.round(s));
  const u = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
  const mm = String(m).padStart(2, "0"), ss = String(sec).padStart(2, "0");
  return (over ? "+" : "") + (u ? u + ":" + mm : mm) + ":" + ss;
}}
function klok() {{
  if (!stand) return;
  const el = document.getElementById("klok");
  let s = stand.resterend_s;
  if (stand.toestand === "loopt" || stand.toestand === "wacht") s -= (performance.now() - ontvangen) / 1000;
  el.className = stand.toestand === "pauze" ? "pauze" : (s < 0 && stand.toestand === "loopt" ? "om" : "");
  // Said above the big figures, so nobody in the room reads "12:30" as a time of day.
  zet("bijschrift", stand.toestand === "klaar" ? "" : stand.toestand === "wacht" ? "Nog tot het begin"
                                                                               : "Nog voor dit onderdeel");
  if (stand.toestand === "klaar") {{ el.textContent = ""; return; }}
  el.textContent = s < 0 && stand.toestand === "loopt" ? "00:00" : duur(Math.max(s, 0));
  let t = "";
  if (stand.toestand === "wacht") t = "Begint om " + (stand.onderdeel ? stand.onderdeel.start : "");
  else if (stand.toestand === "pauze") t = "Pauze: de klok staat stil";
  else if (stand.afronden) t = "We ronden af";
  else if (s < 0) t = "De tijd voor dit onderdeel is om";
  zet("toestand", t);
}}
function toon(nieuw) {{
  stand = nieuw; ontvangen = performance.now();
  zet("draaiboek", stand.draaiboek); zet("sessie", stand.sessie);
  zet("einde", stand.toestand === "klaar" ? "" : "Einde " + stand.einde);
  const o = stand.onderdeel;
  zet("titel", stand.toestand === "klaar" ? (stand.gestopt ? "De sessie is gestopt" : "Klaar: dank je wel!")
                                         : (o ? o.titel : ""));
  zet("indeling", o ? o.indeling : "");
  const lijst = document.getElementById("vragen");
  lijst.replaceChildren();
  for (const v of (o ? o.vragen : [])) {{
    const li = document.createElement("li"); li.textContent = v.tekst;
    if (v.sub.length) {{
      const ul = document.createElement("ul");
      for (const s of v.sub) {{ const x = document.createElement("li"); x.textContent = s; ul.append(x); }}
      li.append(ul);
    }}
    lijst.append(li);
  }}
  zet("straks", stand.volgende ? "Straks (" + stand.volgende.start + "): " + stand.volgende.titel : "");
  klok();
}}
async function haal() {{
  try {{
    const antwoord = await fetch(bron, {{cache: "no-store"}});
    if (!antwoord.ok) throw new Error(String(antwoord.status));
    toon(await antwoord.json()); mislukt = 0; document.body.classList.remove("los");
  }} catch (e) {{
    if (++mislukt >= 3) document.body.classList.add("los");
  }}
}}
haal(); setInterval(haal, 1000); setInterval(klok, 250);
</script>
</body>
</html>
"""


def pagina(titel: str, nonce: str) -> str:
    """The room page; `nonce` lets exactly its own inline script run (the server's CSP says so)."""
    return PAGINA.format(titel=html.escape(titel), nonce=html.escape(nonce))
