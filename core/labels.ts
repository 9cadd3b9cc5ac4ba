/** Words the UI shows for kinds and categories: one place, so card, popup and CLI agree. */
import type { FlagKind } from './flag';
import type { Category, Severity } from './schema';

export const KIND_LABELS: Record<FlagKind, string> = {
  'loaded-term': 'Loaded term',
  'scare-quote': 'Scare quote / distancing',
  'vague-attribution': 'Vague attribution',
  'unsourced-assertion': 'Unsourced assertion',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  'contentious-label': 'Contentious label',
  'name-calling': 'Name-calling',
  'emotive-intensifier': 'Emotive intensifier',
  editorializing: 'Editorializing',
  puffery: 'Puffery',
  euphemism: 'Euphemism',
  dysphemism: 'Dysphemism',
  'fear-appeal': 'Fear appeal',
  exaggeration: 'Exaggeration',
  distancing: 'Distancing',
  'scare-quote': 'Scare quotes',
  'certainty-marker': 'Certainty marker',
  'motive-claim': 'Claim about motive',
  'causal-claim': 'Claim about cause',
  generalization: 'Sweeping generalization',
  'unsupported-statistic': 'Figure without a source',
  'vague-attribution': 'Vague attribution',
  'reporting-verb': 'Reporting verb',
  'source-phrase': 'Source phrase',
  'document-source': 'Document or data source',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};
