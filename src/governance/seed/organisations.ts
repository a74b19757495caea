import type { BoardKind, OrganisationKind } from '../../registry/organisation.entity.js';

/** An organisation of the seed with its boards. */
export interface SeedOrganisation {
  name: string;
  kind: OrganisationKind;
  /** SCB's kommunkod (4 digits) or länskod (2 digits), as Kolada uses them. */
  code?: string;
  orgNumber?: string;
  boards: Array<{ name: string; kind: BoardKind }>;
}

const municipalityBoards = [
  { name: 'Kommunfullmäktige', kind: 'council' as const },
  { name: 'Kommunstyrelsen', kind: 'executive' as const },
  { name: 'Socialnämnden', kind: 'committee' as const },
  { name: 'Utbildningsnämnden', kind: 'committee' as const },
];
const regionBoards = [
  { name: 'Regionfullmäktige', kind: 'council' as const },
  { name: 'Regionstyrelsen', kind: 'executive' as const },
];

const municipality = (name: string, code: string): SeedOrganisation => ({ name, kind: 'municipality', code, boards: municipalityBoards });
const region = (name: string, code: string): SeedOrganisation => ({ name, kind: 'region', code, boards: regionBoards });
const agency = (name: string, orgNumber?: string): SeedOrganisation => ({ name, kind: 'stateAgency', ...(orgNumber ? { orgNumber } : {}), boards: [] });
const university = (name: string): SeedOrganisation => ({ name, kind: 'university', boards: [] });

/**
 * The real organisations of the seed's four cases: Blekinge's five municipalities and region,
 * Kronoberg's eight and region, Borås with the police and others, Örebro's twelve and region,
 * and the state agencies the seed names. Codes are SCB's; organisation numbers are given only for
 * the agencies where they are certain; the boards are the usual ones (a deployment renames them
 * to its own, e.g. "Nämnden för arbete och välfärd").
 */
export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  // Blekinge – "Blekinge unga lyfter"
  region('Region Blekinge', '10'),
  municipality('Olofströms kommun', '1060'),
  municipality('Karlskrona kommun', '1080'),
  municipality('Ronneby kommun', '1081'),
  municipality('Karlshamns kommun', '1082'),
  municipality('Sölvesborgs kommun', '1083'),
  university('Blekinge Tekniska Högskola'),
  agency('Länsstyrelsen i Blekinge län'),
  // Kronoberg – "Barnens bästa gäller"
  region('Region Kronoberg', '07'),
  municipality('Uppvidinge kommun', '0760'),
  municipality('Lessebo kommun', '0761'),
  municipality('Tingsryds kommun', '0763'),
  municipality('Alvesta kommun', '0764'),
  municipality('Älmhults kommun', '0765'),
  municipality('Markaryds kommun', '0767'),
  municipality('Växjö kommun', '0780'),
  municipality('Ljungby kommun', '0781'),
  // Borås – Centrum för kunskap och säkerhet
  municipality('Borås Stad', '1490'),
  region('Västra Götalandsregionen', '14'),
  university('Högskolan i Borås'),
  agency('Länsstyrelsen i Västra Götalands län'),
  // Örebro – Business Region Örebro
  region('Region Örebro län', '18'),
  municipality('Lekebergs kommun', '1814'),
  municipality('Laxå kommun', '1860'),
  municipality('Hallsbergs kommun', '1861'),
  municipality('Degerfors kommun', '1862'),
  municipality('Hällefors kommun', '1863'),
  municipality('Ljusnarsbergs kommun', '1864'),
  municipality('Örebro kommun', '1880'),
  municipality('Kumla kommun', '1881'),
  municipality('Askersunds kommun', '1882'),
  municipality('Karlskoga kommun', '1883'),
  municipality('Nora kommun', '1884'),
  municipality('Lindesbergs kommun', '1885'),
  university('Örebro universitet'),
  agency('Länsstyrelsen i Örebro län'),
  // State agencies named in the seed
  agency('Arbetsförmedlingen', '202100-2114'),
  agency('Polismyndigheten', '202100-0076'),
  agency('Försäkringskassan', '202100-5521'),
  university('Linnéuniversitetet'),
];
