/**
 * ISO 3166-1 alpha-2 codes grouped by the coarse ILO-style regions the atlas filters on. National
 * bodies get their region from their country; a code missing here is reported as unknown.
 */
import type { Region } from "../../core/vocabulary.js";

const CODES_BY_REGION: Record<Region, string> = {
  AFRICA:
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW RE YT SH",
  AMERICAS: "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE PR AW CW BM KY GL",
  ARAB_STATES: "BH IQ JO KW LB OM PS QA SA SY AE YE",
  ASIA_PACIFIC:
    "AF AU BD BT BN KH CN FJ HK IN ID IR JP KI KP KR LA MO MY MV MH FM MN MM NR NP NZ PK PW PG PH WS SB LK TW TH TL TO TV VU VN SG",
  EUROPE:
    "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT KZ KG XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB UZ VA",
};

export const REGION_OF_COUNTRY: ReadonlyMap<string, Region> = new Map(
  (Object.entries(CODES_BY_REGION) as [Region, string][]).flatMap(([region, codes]) =>
    codes.split(/\s+/).map((code) => [code, region] as const),
  ),
);
