/**
 * The atlas: read-only queries for the web app's home page, map, country
 * pages, timeline and network. Every row carries its source, quote and grade;
 * only accepted figures and statements are read. One file per concern:
 *
 * - host-countries.ts: the countries that host (or send) workers, for a year
 * - country-detail.ts: one country's figures, deployments, TIP ratings, actions
 * - headline.ts: the home page's figures and counts
 * - timeline.ts: dated items (designations, actions, TIP, reports, list changes)
 * - network.ts: the graph around one entity
 * - figures.ts, shared.ts: the cited figure and source shapes they share
 */
export { SENDING_COUNTRY, TIMELINE_DATASETS, yearsOf, type SourceRef, type CitedValue } from './shared.ts';
export { entityFigures, midpoint, type CitedFigureRow } from './figures.ts';
export { hostCountries, type CountrySummary, type CountriesAnswer } from './host-countries.ts';
export { countryDetail, type CountryDetail, type DeploymentRow, type ActionRow, type TipRow } from './country-detail.ts';
export { headline, type Headline } from './headline.ts';
export { timeline, TIMELINE_TYPES, type TimelineType, type TimelineItem, type TimelineOptions } from './timeline.ts';
export { network, type Network, type NetworkNode, type NetworkEdge } from './network.ts';
