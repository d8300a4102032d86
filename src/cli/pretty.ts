/**
 * The `pretty` terminal view: metadata, then each layer as a short readable list, colour on a TTY.
 */
import type { Doc, Span } from '../doc/schema.js';

/** Colour helpers; identity when colour is off. */
interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  magenta(text: string): string;
}

function palette(colour: boolean): Palette {
  const wrap = (code: number) => (text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: wrap(1), dim: wrap(2), cyan: wrap(36), green: wrap(32), yellow: wrap(33), magenta: wrap(35) };
}

function slice(doc: Doc, span: Span | null | undefined): string {
  return span ? doc.text.slice(span.start, span.end).replace(/\s+/g, ' ') : '';
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Renders a Doc for a terminal. */
export function renderPretty(doc: Doc, options: { colour: boolean }): string {
  const c = palette(options.colour);
  const lines: string[] = [];
  const meta = doc.meta;
  const heading = (title: string, count: number): void => {
    lines.push('', c.bold(`${title} (${count})`));
  };
  lines.push(c.bold(meta.title ?? meta.id ?? 'Article'));
  const facts = [
    ['publisher', meta.publisher], ['dateline', meta.dateline], ['byline', meta.byline],
    ['published', meta.published ? `${meta.published}${meta.publishedSource ? ` (${meta.publishedSource})` : ''}` : 'unknown'], ['url', meta.url],
  ].filter((fact): fact is [string, string] => typeof fact[1] === 'string');
  for (const [name, value] of facts) lines.push(`${c.dim(name.padEnd(10))} ${value}`);
  lines.push(`${c.dim('size'.padEnd(10))} ${doc.paragraphs.length} paragraphs, ${doc.sentences.length} sentences, ${doc.tokens.length} tokens`);
  if (doc.removals.length) {
    heading('Removed', doc.removals.length);
    for (const removal of doc.removals) lines.push(`  ${c.dim(removal.reason.padEnd(24))} ${clip(JSON.stringify(removal.text), 70)}`);
  }
  if (doc.summary.length) {
    heading('Summary', doc.summary.length);
    for (const item of doc.summary) lines.push(`  • ${slice(doc, item)}`);
  }
  if (doc.entities.length) {
    heading('Entities', doc.entities.length);
    for (const entity of doc.entities) {
      const aliases = entity.aliases.filter((alias) => alias !== entity.name);
      const roles = entity.roles.map((role) => [role.rank, role.role].filter(Boolean).join(' ')).filter(Boolean);
      lines.push(
        `  ${c.cyan(entity.type.padEnd(4))} ${c.bold(entity.name)}${entity.subtype ? c.dim(` ${entity.subtype}`) : ''}${aliases.length ? c.dim(` = ${aliases.join(' = ')}`) : ''}${roles.length ? c.yellow(` [${[...new Set(roles)].join('; ')}]`) : ''} ${c.dim(`×${entity.mentions.length}`)}`,
      );
    }
  }
  if (doc.quotes.length) {
    heading('Quotes', doc.quotes.length);
    const entityName = new Map(doc.entities.map((entity) => [entity.id, entity.name]));
    for (const quote of doc.quotes) {
      const speaker = (quote.speakerEntity && entityName.get(quote.speakerEntity)) || slice(doc, quote.speaker) || '?';
      lines.push(`  ${c.green(clip(speaker, 28).padEnd(28))} ${c.dim(quote.kind.padEnd(8))} ${clip(quote.content.map((part) => slice(doc, part)).join(' … '), 90)}`);
    }
  }
  if (doc.timexes.length) {
    heading('Time', doc.timexes.length);
    for (const timex of doc.timexes) lines.push(`  ${clip(slice(doc, timex), 30).padEnd(30)} ${c.magenta(timex.value)}${timex.mod ? c.dim(` ${timex.mod}`) : ''} ${c.dim(timex.type)}`);
  }
  if (doc.places.length) {
    heading('Places', doc.places.length);
    for (const place of doc.places) {
      const where = place.lat !== undefined && place.lon !== undefined ? `${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}` : 'no coordinates';
      lines.push(`  ${clip(slice(doc, place), 24).padEnd(24)} → ${place.name}${place.countryCode ? `, ${place.countryCode}` : ''} ${c.dim(`(${place.kind}; ${where})`)}`);
    }
  }
  if (doc.events.length) {
    heading('Events', doc.events.length);
    for (const event of doc.events) {
      const killed = event.casualties.filter((casualty) => casualty.kind === 'killed').map((casualty) => casualty.count ?? casualty.qualifier);
      const flags = Object.entries(event.flags).filter(([, on]) => on).map(([flag]) => flag);
      lines.push(
        `  ${c.bold(`${event.ploverType}${event.mode ? `/${event.mode}` : ''}`)} ${event.actors.map((actor) => actor.name).join(', ') || '?'} → ${event.targets.map((target) => target.name).join(', ') || '?'}` +
          `${event.date ? ` ${c.magenta(event.date.value)}` : ''}${killed.length ? ` killed ${killed.join('+')}` : ''}${flags.length ? c.dim(` [${flags.join(', ')}]`) : ''}`,
      );
    }
  }
  if (doc.diagnostics.length) {
    heading('Diagnostics', doc.diagnostics.length);
    for (const diagnostic of doc.diagnostics) lines.push(`  ${c.dim(`${diagnostic.stage}/${diagnostic.rule}`)} ${diagnostic.message}`);
  }
  return `${lines.join('\n')}\n`;
}
