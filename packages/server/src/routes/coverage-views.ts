import type {
  AttributeRecord,
  BusinessRuleRecord,
  CoverageDataSet,
  CoverageSetRecord,
} from '@allot/use-cases';
import type {
  BusinessRuleView,
  CoverageDataSetView,
  CoverageSetView,
  DeterminingAttributeView,
} from '@allot/protocol';

const meta = (record: AttributeRecord | CoverageSetRecord | BusinessRuleRecord) => ({
  id: record.id,
  version: record.version,
  createdBy: record.createdBy,
  createdAt: record.createdAt,
  updatedBy: record.updatedBy,
  updatedAt: record.updatedAt,
});

/** A determining attribute version on `/api/v1`. */
export function attributeView(record: AttributeRecord): DeterminingAttributeView {
  return { ...record.body, ...meta(record) } as DeterminingAttributeView;
}

/** A coverage set version on `/api/v1`. */
export function coverageSetView(record: CoverageSetRecord): CoverageSetView {
  return {
    ...meta(record),
    name: record.name,
    determiningAttributes: record.body.determiningAttributes,
    lock: record.lock,
  };
}

/** A business rule on `/api/v1`. */
export function businessRuleView(record: BusinessRuleRecord): BusinessRuleView {
  return {
    ...meta(record),
    coverageSet: record.body.coverageSet,
    conditions: record.body.conditions,
  };
}

/** A calculated coverage on `/api/v1` (the attributes it was calculated from stay out). */
export function coverageDataSetView(data: CoverageDataSet): CoverageDataSetView {
  const { attributes: _attributes, ...view } = data;
  return view as CoverageDataSetView;
}
