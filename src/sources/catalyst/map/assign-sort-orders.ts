import type { RawField } from '../read/parse-content-type-row.js';

/**
 * Property sortOrder from Catalyst's field `order`. Catalyst displays fields by `order`, with the
 * stored position breaking ties. When every field has a distinct whole `order` ≥ 0 those numbers
 * are kept as they are (a later export writes them back unchanged). Otherwise (orders missing, as
 * in the seed's Shape B, duplicated, as AI tools write them, or not whole numbers) the fields are
 * numbered 1, 2, 3… in display order, and the decision is noted.
 */
export function assignSortOrders(fields: readonly RawField[]): { sortOrders: Map<number, number>; note?: string } {
  const orders = fields.map((field) => field.attributes.order);
  const usable = orders.every((order) => typeof order === 'number' && Number.isInteger(order) && order >= 0);
  const distinct = new Set(orders).size === orders.length;
  if (usable && distinct) {
    return { sortOrders: new Map(fields.map((field) => [field.index, field.attributes.order as number])) };
  }
  const ranked = [...fields].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const sortOrders = new Map(ranked.map((field, position) => [field.index, position + 1]));
  const present = orders.filter((order) => order !== undefined && order !== null);
  let note: string | undefined;
  if (present.length > 0) {
    const why = !usable ? 'some fields have no whole-number order' : 'some orders are used twice';
    note = `field order renumbered 1..${fields.length} in display order (${why}: ${orders.map((order) => JSON.stringify(order ?? null)).join(', ')})`;
  }
  return { sortOrders, note };
}

function rank(field: RawField): number {
  const order = field.attributes.order;
  return typeof order === 'number' && Number.isFinite(order) ? order : Number.POSITIVE_INFINITY;
}
