/**
 * The world map (d3-geo, Natural Earth outlines from world-atlas, bundled):
 * host countries shaded by the sourced worker figure for the chosen year.
 * Loaded on demand. Each host country is a focusable button; small countries
 * the 1:110m outlines lack (Malta) are drawn as dots.
 */
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { CountrySummary } from '../../../src/server/wire.ts';
import { shadeClass, describeCountry } from '../mapScale.ts';

const W = 960;
const H = 500;

/** Countries too small for the 1:110m outlines: [longitude, latitude]. */
const DOTS: Record<string, [number, number]> = { MT: [14.45, 35.9], SG: [103.82, 1.35], BH: [50.55, 26.07], MV: [73.5, 4.2], SC: [55.45, -4.68], MU: [57.55, -20.25] };

interface Shape {
  id: string;
  d: string;
}

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

function useGeometry() {
  return useMemo(() => {
    // Antarctica (010) hosts no one: leaving it out gives the inhabited world more room.
    const projection = geoNaturalEarth1().rotate([-10, 0]).fitExtent([[4, 4], [W - 4, H + 60]], { type: 'Sphere' });
    const path = geoPath(projection);
    const countries = feature(topology, topology.objects.countries).features as Feature<Geometry, { name: string }>[];
    const shapes: Shape[] = countries.filter((f) => f.id !== '010').map((f) => ({ id: String(f.id ?? ''), d: path(f) ?? '' }));
    const borders = path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '';
    const sphere = path({ type: 'Sphere' }) ?? '';
    const graticule = path(geoGraticule10()) ?? '';
    const dots = Object.fromEntries(Object.entries(DOTS).map(([cc, lonlat]) => [cc, projection(lonlat)]));
    return { shapes, borders, sphere, graticule, dots, numericIds: new Set(shapes.map((s) => s.id)) };
  }, []);
}

export interface WorldMapProps {
  countries: CountrySummary[];
  year: number | null;
  selected: string | null;
  onSelect(cc: string): void;
}

export default function WorldMap({ countries, year, selected, onSelect }: WorldMapProps) {
  const geo = useGeometry();
  useEffect(() => {
    if (performance.getEntriesByName('room39:map-drawn').length === 0) performance.mark('room39:map-drawn');
  }, []);
  const byNumeric = new Map(countries.filter((c) => c.numeric).map((c) => [c.numeric as string, c]));
  const key = (cc: string) => (e: KeyboardEvent<SVGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(cc);
    }
  };
  const hostsOffOutline = countries.filter((c) => !c.numeric || !geo.numericIds.has(c.numeric));
  return (
    <svg className="world-map" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`World map of countries hosting North Korean workers${year ? `, ${year}` : ''}`}>
      <path d={geo.sphere} className="map-sphere" aria-hidden="true" />
      <path d={geo.graticule} className="map-graticule" aria-hidden="true" />
      {geo.shapes.map((s) => {
        const c = byNumeric.get(s.id);
        if (!c) return <path key={s.id || Math.random()} d={s.d} className="map-land" aria-hidden="true" />;
        return (
          <path
            key={s.id}
            d={s.d}
            className={`map-country ${shadeClass(c)}${selected === c.cc ? ' selected' : ''}`}
            tabIndex={0}
            role="button"
            aria-label={describeCountry(c, year)}
            aria-pressed={selected === c.cc}
            onClick={() => onSelect(c.cc)}
            onKeyDown={key(c.cc)}
          >
            <title>{describeCountry(c, year)}</title>
          </path>
        );
      })}
      <path d={geo.borders} className="map-borders" aria-hidden="true" />
      {hostsOffOutline.map((c) => {
        const p = geo.dots[c.cc];
        if (!p) return null;
        return (
          <circle
            key={c.cc}
            cx={p[0]}
            cy={p[1]}
            r={5}
            className={`map-country map-dot ${shadeClass(c)}${selected === c.cc ? ' selected' : ''}`}
            tabIndex={0}
            role="button"
            aria-label={describeCountry(c, year)}
            aria-pressed={selected === c.cc}
            onClick={() => onSelect(c.cc)}
            onKeyDown={key(c.cc)}
          >
            <title>{describeCountry(c, year)}</title>
          </circle>
        );
      })}
    </svg>
  );
}
