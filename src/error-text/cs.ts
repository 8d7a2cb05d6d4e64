/** Czech error texts. */
import type { ErrorTexts } from './types';

export const CS: ErrorTexts = {
  ams: {
    0: { summary: 'Bez chyby' },
    1: { summary: 'Chyba vstupních dat' },
    2: { summary: 'Chyba výstupních dat' },
    3: { summary: 'Protokol nelze na tomto portu použít' },
    4: { summary: 'Odečet nebyl zahájen' },
    65536: { summary: 'IEC 62056-21: vnitřní chyba' },
    65537: { summary: 'IEC 62056-21: odečet přerušil uživatel' },
    65538: {
      summary: 'IEC 62056-21: chybný formát adresy zařízení',
      hint: 'Použijte nejvýše 32 tisknutelných znaků, bez / ! ( ) a bez řídicích znaků.',
    },
    65539: {
      summary: 'IEC 62056-21: nepodporovaný znak přenosové rychlosti v identifikaci elektroměru',
      hint: 'Zkuste pevnou rychlost (bez přepínání rychlosti) nebo režim A.',
    },
    65540: { summary: 'IEC 62056-21: komunikační port nebyl nastaven' },
    65541: {
      summary: 'IEC 62056-21: vypršel časový limit, identifikační zpráva nedorazila',
      hint: 'Zkontrolujte polohu a kabel optické sondy, paritu (7E1), adresu zařízení a to, zda elektroměr nepotřebuje probouzecí sekvenci.',
    },
    65542: { summary: 'IEC 62056-21: zařízení používá nepodporovaný režim' },
    65543: {
      summary: 'IEC 62056-21: vypršel časový limit při čekání na data po potvrzení či výběru volby',
      hint: 'Prodlužte zpoždění přepnutí rychlosti, omezte maximální přenosovou rychlost nebo použijte pevnou rychlost.',
    },
    65544: { summary: 'IEC 62056-21: rychlost nebyla nastavena' },
    65545: {
      summary: 'IEC 62056-21: vypršel časový limit mezi dvěma po sobě jdoucími znaky',
      hint: 'Zkontrolujte kabel a paritu, prodlužte časový limit pro jeden znak nebo zkuste nižší přenosovou rychlost.',
    },
    65546: { summary: 'IEC 62056-21: vypršel časový limit mezi dvěma zprávami' },
    65793: { summary: 'IEC 62056-21: nepodporovaný znak v identifikaci výrobce' },
    65794: { summary: 'IEC 62056-21: nepodporovaný znak v identifikaci přenosové rychlosti' },
    65795: { summary: 'IEC 62056-21: nepodporovaný znak v identifikaci' },
    65796: { summary: 'IEC 62056-21: nepodporovaný znak v CR/LF identifikace' },
    66049: { summary: 'IEC 62056-21: nepodporovaný znak v datovém bloku', hint: 'Zkontrolujte nastavení parity (7E1 nebo 8N1).' },
    66050: { summary: 'IEC 62056-21: datový blok je příliš dlouhý (přetečení vyrovnávací paměti)' },
    66051: { summary: 'IEC 62056-21: nepodporovaný znak v CR/LF datové zprávy' },
    66052: { summary: 'IEC 62056-21: nepodporovaný znak v poli ETX datové zprávy' },
    66053: {
      summary: 'IEC 62056-21: kontrolní součet (BCC) datové zprávy nesouhlasí',
      hint: 'Chyby přenosu: zkuste nižší přenosovou rychlost; některé elektroměry Kamstrup používají součtový kontrolní součet.',
    },
  },
  client: {
    E_TIMEOUT: {
      summary: 'Vypršel časový limit: odpověď nepřišla včas',
      hint: 'Zkontrolujte spojení a zařízení; pomalé zařízení může potřebovat delší časový limit.',
    },
    E_QUEUE_FULL: {
      summary: 'Na toto spojení čeká příliš mnoho požadavků',
      hint: 'Posílejte méně požadavků najednou (např. spouštějte méně často) nebo zvětšete délku fronty.',
    },
    E_NOT_CONNECTED: {
      summary: 'Není otevřeno žádné spojení',
      hint: 'Zkontrolujte, zda má uzel nastavené spojení a zda je zařízení dosažitelné.',
    },
    E_CONNECTION_LOST: {
      summary: 'Spojení bylo přerušeno',
      hint: 'Zkontrolujte kabel nebo síť; spojení se obnoví samo.',
    },
    E_CONNECT_FAILED: {
      summary: 'Spojení se nepodařilo navázat',
      hint: 'Zkontrolujte hostitele a port (nebo sériový port), zda je zařízení zapnuté a dosažitelné a zda ho neblokuje jiný program.',
    },
    E_CLOSED: { summary: 'Spojení je uzavřené' },
    E_ABORTED: { summary: 'Požadavek byl zrušen' },
    E_BAD_ARGUMENT: {
      summary: 'Neplatné nastavení nebo vstup',
      hint: 'Opravte uvedené nastavení v uzlu nebo vlastnost msg, která ho přepisuje.',
    },
    E_AT_ERROR: {
      summary: 'Brána odmítla příkaz AT',
      hint: 'Zkontrolujte příkaz a jeho argumenty podle firmwaru brány (AMS vyžaduje speciální firmware).',
    },
    E_LOGIN_FAILED: {
      summary: 'Přihlášení k bráně selhalo',
      hint: 'Zkontrolujte uživatele a heslo nastavené pro bránu.',
    },
    E_PARSE: { summary: 'Odpovědi nelze porozumět' },
    E_SERIAL_UNAVAILABLE: {
      summary: 'Sériové porty nejsou k dispozici (chybí balíček serialport)',
      hint: 'Nainstalujte serialport vedle tohoto balíčku (npm install serialport) a ověřte, že jeho nativní modul byl sestaven pro tuto verzi Node.js.',
    },
    E_SERIAL_CONFLICT: {
      summary: 'Sériový port se už používá k jinému účelu nebo s jiným nastavením',
      hint: 'Nastavte všem uzlům na tomto portu stejnou přenosovou rychlost, datové bity, paritu a stop bity, nebo dejte elektroměru vlastní port.',
    },
    E_BCC_MISMATCH: {
      summary: 'Kontrolní součet (BCC) dat nesouhlasí',
      hint: 'Chyby přenosu: zkuste nižší přenosovou rychlost a zkontrolujte kabel.',
    },
    E_PROTOCOL: { summary: 'Neočekávaná odpověď (chyba protokolu)' },
    E_PASSWORD_REJECTED: {
      summary: 'Elektroměr odmítl heslo',
      hint: 'Zkontrolujte heslo; některé elektroměry po zadání chybných hesel na čas zablokují programovací režim.',
    },
    E_METER_ERROR: { summary: 'Elektroměr hlásí chybu' },
    E_LINE_TOO_LONG: {
      summary: 'Brána poslala příliš dlouhý řádek',
      hint: 'Zkontrolujte nastavení portu (přenosovou rychlost, paritu) a zařízení na druhé straně.',
    },
    E_ANSWER_TOO_LARGE: {
      summary: 'Odpověď je příliš velká',
      hint: 'Načítejte méně záznamů najednou (např. GET_OLDEST s menším počtem).',
    },
    E_OUT_OF_STEP: { summary: 'Odpovědi nejsou synchronizované s příkazy' },
    E_SYNC_VERIFY: {
      summary: 'Zpětně načtený stav se liší od zapsaného',
      hint: 'Mezitím mohl stav změnit jiný klient, nebo brána některý příkaz ignorovala; načtěte stav znovu a změnu zopakujte.',
    },
    E_BUSY: {
      summary: 'Obsazeno: už probíhá operace, která nesmí běžet souběžně',
      hint: 'Počkejte, až skončí, nebo ho nejdřív zastavte.',
    },
  },
  fallback: {
    iec62056: 'IEC 62056-21: chyba {detail}',
    mbus: 'M-Bus: chyba {detail}',
    general: 'Chyba AMS {code}',
    client: 'Chyba {code}',
  },
  words: { hint: 'Doporučení', detail: 'podrobnosti' },
};
