/**
 * How a data block's columns fill an EDI X12 834 (005010X220A1) member
 * loop. Column names are matched exactly (lower case, underscores, as TDO
 * requires of its headers); a column the block lacks leaves its element
 * out, or takes the default shown. Other columns are not written.
 */
export const X12_834_COLUMNS = [
  {
    column: 'relationship',
    element: 'INS02',
    note: 'relationship code; 18 (self) by default; self, spouse, child read as 18, 01, 19. INS01 is Y for 18, N otherwise',
  },
  {
    column: 'maintenance_type',
    element: 'INS03, HD01',
    note: 'maintenance type code; 021 (addition) by default',
  },
  {
    column: 'maintenance_reason',
    element: 'INS04',
    note: 'maintenance reason code; 28 (initial enrollment) by default',
  },
  {
    column: 'benefit_status',
    element: 'INS05',
    note: 'benefit status code; A (active) by default',
  },
  { column: 'employment_status', element: 'INS08', note: 'employment status code; FT by default' },
  {
    column: 'subscriber_id',
    element: 'REF*0F',
    note: 'subscriber identifier; the row number when missing',
  },
  { column: 'group_number', element: 'REF*1L', note: 'group or policy number' },
  { column: 'member_id', element: 'REF*23', note: 'client (member) number' },
  { column: 'eligibility_start', element: 'DTP*356', note: 'eligibility begin date' },
  { column: 'last_name', element: 'NM103', note: 'member last name' },
  { column: 'first_name', element: 'NM104', note: 'member first name' },
  { column: 'middle_name', element: 'NM105', note: 'member middle name or initial' },
  {
    column: 'ssn',
    element: 'NM108, NM109',
    note: 'social security number (NM108 = 34); digits only are kept',
  },
  { column: 'phone', element: 'PER*IP TE', note: 'home telephone; digits only are kept' },
  { column: 'address_line1', element: 'N301', note: 'residence street address' },
  { column: 'address_line2', element: 'N302', note: 'second address line' },
  { column: 'city', element: 'N401', note: 'city' },
  { column: 'state', element: 'N402', note: 'state code' },
  { column: 'zip', element: 'N403', note: 'postal code' },
  { column: 'birth_date', element: 'DMG02', note: 'birth date, YYYY-MM-DD or YYYYMMDD' },
  { column: 'gender', element: 'DMG03', note: 'M, F or U; male and female read as M and F' },
  { column: 'insurance_line', element: 'HD03', note: 'insurance line code; HLT by default' },
  { column: 'plan_code', element: 'HD04', note: 'plan coverage description' },
  { column: 'coverage_level', element: 'HD05', note: 'coverage level code (EMP, ESP, FAM …)' },
  { column: 'coverage_start', element: 'DTP*348', note: 'benefit begin date' },
  { column: 'coverage_end', element: 'DTP*349', note: 'benefit end date' },
] as const;

/** The state templates of a TDO 834 download: `or` any state on the federal platform. */
export type X12Template = 'or' | 'ca' | 'co' | 'ga' | 'wa';

/** What a template sets: who receives the file and who insures (the parties of N1*P5 and N1*IN). */
export interface X12TemplateParties {
  /** Interchange receiver id (ISA08, GS03). */
  receiverId: string;
  /** The insurer's name and id (N1*IN). */
  insurerName: string;
  insurerId: string;
}

/**
 * The exchange each template addresses. Only the parties differ between
 * templates: the states' companion guides add situational segments that
 * this writer does not model.
 */
export const X12_TEMPLATES: Readonly<Record<X12Template, X12TemplateParties>> = {
  or: { receiverId: 'CMSFFM', insurerName: 'FEDERAL MARKETPLACE', insurerId: '000000000' },
  ca: { receiverId: 'COVEREDCA', insurerName: 'COVERED CALIFORNIA', insurerId: '000000006' },
  co: { receiverId: 'C4HCO', insurerName: 'CONNECT FOR HEALTH COLORADO', insurerId: '000000008' },
  ga: { receiverId: 'GEORGIAACCESS', insurerName: 'GEORGIA ACCESS', insurerId: '000000013' },
  wa: { receiverId: 'WAHBE', insurerName: 'WASHINGTON HEALTHPLANFINDER', insurerId: '000000053' },
};

/** Whether a string names an {@link X12Template}. */
export function isX12Template(name: string): name is X12Template {
  return Object.hasOwn(X12_TEMPLATES, name);
}
