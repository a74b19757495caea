/** The usual boards of a municipality and a region, for organisations the registry lacks. */
export const MUNICIPAL_BOARDS = [
  { name: 'Kommunfullmäktige', kind: 'council' as const },
  { name: 'Kommunstyrelsen', kind: 'executive' as const },
  { name: 'Socialnämnden', kind: 'committee' as const },
  { name: 'Utbildningsnämnden', kind: 'committee' as const },
];
export const REGIONAL_BOARDS = [
  { name: 'Regionfullmäktige', kind: 'council' as const },
  { name: 'Regionstyrelsen', kind: 'executive' as const },
];
