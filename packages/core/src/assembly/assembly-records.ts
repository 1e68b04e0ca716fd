import type { Where } from '../model/pool-definition.js';

/** The catalogue kind of a data view. */
export const DATA_VIEW_KIND = 'data-view';
/** The catalogue kind of a scenario. */
export const SCENARIO_KIND = 'scenario';
/** The catalogue kind of a workset. */
export const WORKSET_KIND = 'workset';

/** A record of the catalogue addressed by name and version. */
export interface NamedVersion {
  name: string;
  version: string;
}

/**
 * A data view: a named, versioned projection and filter over the rows of
 * a data set. The data set itself is chosen by the workset that uses the
 * view, so one view serves several blocks of the same shape.
 */
export interface DataViewBody {
  description?: string;
  /** The columns the view keeps, in this order; every column of the data set when omitted. */
  columns?: string[];
  /** Rows the view keeps; a filter in the pool `where` language. */
  where?: Where;
  /**
   * How a related row belongs to a primary record: view column → the
   * primary record's field it must equal. A view without `match` takes any
   * row its `where` keeps.
   */
  match?: Record<string, string>;
  /** The column that identifies a row in leases; the data set's first column when omitted. */
  key?: string;
}

/** One step of a scenario: it produces one record per primary record. */
export interface ScenarioStep {
  name: string;
  /** The record type written into each record of the step (`record_type`); the step's name when omitted. */
  recordType?: string;
  /** The data views (by name) the step's records draw from; every view of the workset when omitted. */
  views?: string[];
}

/** A scenario: a named, versioned list of steps. */
export interface ScenarioBody {
  description?: string;
  steps: ScenarioStep[];
}

/** A data view bound to the data set it reads. */
export interface BoundView {
  view: NamedVersion;
  /** A data block (name and version); `1.0.0` addresses block version `1.0`. */
  dataSet: NamedVersion;
}

/**
 * A workset: a scenario, its primary view over the primary data set (the
 * combinations to cover, one record per combination and step), and further
 * views whose rows fill the records.
 */
export interface WorksetBody {
  scenario: NamedVersion;
  primary: BoundView;
  dataViews: BoundView[];
}
