import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { furnitureLineReason, removeFurniture } from './html-cleanup.js';
import { blockLines, joinLines } from './html-text.js';

// Six sentences of fictional story text, so that furniture stays well under 30 % of the words.
const STORY = [
  '<p>The council approved the new bus depot on Monday after a three-hour debate that ran past midnight.</p>',
  '<p>Residents of the east side had asked for the depot for a decade, saying the nearest one was too far away.</p>',
  '<p>The project will cost about 14 million dollars and should open in the spring of next year, officials said.</p>',
  '<p>Two members voted against it, citing the cost of the land and the noise for the houses nearby.</p>',
].join('');

function clean(innerHtml: string): { text: string; removed: { text: string; reason: string }[] } {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body><div id="article">${innerHtml}</div></body></html>`);
  const article = document.getElementById('article') as unknown as Element;
  const removed = removeFurniture(article);
  return { text: joinLines(blockLines(article)), removed };
}

const removals: [name: string, furniture: string, reason: string][] = [
  ['a figure with its caption', '<figure><img src="a.jpg"><figcaption>The depot site on Monday.</figcaption></figure>', 'figure'],
  ['a caption outside a figure', '<p class="image-caption">The depot site on Monday. Photo: J. Ruiz</p>', 'caption'],
  ['a share bar', '<div class="sharing-tools"><span>Share this story</span> <a href="#">Facebook</a> <a href="#">Twitter</a></div>', 'share'],
  ['a social bar', '<ul id="socialLinks"><li>Follow us</li></ul>', 'share'],
  ['a newsletter box', '<div class="newsletter-signup"><p>Get the morning briefing in your inbox.</p></div>', 'newsletter'],
  ['a byline block', '<div class="article-byline">By Rosa Lind, City Hall reporter</div>', 'byline'],
  ['a tag list', '<div class="tags"><a href="#">Transit</a> <a href="#">Council</a></div>', 'tags'],
  ['a related-stories list', '<aside class="related-content"><p>Bus fares rise again</p></aside>', 'related'],
  ['a list of links', '<ul><li><a href="/a">Fares rise in May</a></li><li><a href="/b">New routes planned</a></li></ul>', 'links'],
];
for (const [name, furniture, reason] of removals) {
  test(`removeFurniture removes ${name}`, () => {
    const result = clean(STORY + furniture);
    assert.deepEqual(
      result.removed.map((entry) => entry.reason),
      [reason],
      `removed: ${JSON.stringify(result.removed)}`,
    );
    assert.match(result.text, /^The council approved/);
    assert.match(result.text, /noise for the houses nearby\.$/, `text: ${result.text}`);
  });
}

test('removeFurniture removes a teaser card: a linked headline with its kicker and blurb', () => {
  const card =
    '<article class="card"><header><p>HIGH WATER</p><h2><a href="/other">River towns count the cost</a></h2></header><p>Damage in three counties tops 40 million dollars.</p></article>';
  const result = clean(STORY + card);
  assert.deepEqual(result.removed.map((entry) => entry.reason), ['teaser']);
  assert.match(result.text, /noise for the houses nearby\.$/, result.text);
});

test('removeFurniture keeps the story paragraphs next to a linked section heading', () => {
  const result = clean(`<section><h2><a href="#vote">The vote</a></h2>${STORY}</section>`);
  assert.deepEqual(result.removed.map((entry) => entry.reason), ['teaser']);
  assert.equal(result.removed[0]?.text, 'The vote');
  assert.match(result.text, /^The council approved/);
});

test('removeFurniture keeps a wrapper whose class says author when it holds the story', () => {
  const result = clean(`<div class="story author-note">${STORY}</div>`);
  assert.deepEqual(result.removed, []);
  assert.match(result.text, /three-hour debate/);
});

test('removeFurniture keeps a prose paragraph with an ordinary link', () => {
  const paragraph = '<p>The plan follows a <a href="/study">study published last year</a> that found long waits on the east side.</p>';
  const result = clean(STORY + paragraph);
  assert.deepEqual(result.removed, []);
  assert.match(result.text, /found long waits/);
});

test('removeFurniture removes a hover card of links inside a paragraph and keeps the prose', () => {
  const paragraph =
    '<p>Council member <span class="card"><a href="/p">Ann Ruiz</a><a href="/1">Ruiz backs new park</a> <a href="/2">Ruiz on the budget</a> <a href="/3">MORE</a></span> (Ward 3) voted against it.</p>';
  const result = clean(STORY + paragraph);
  assert.deepEqual(result.removed.map((entry) => entry.reason), ['links']);
  assert.match(result.text, /Council member \(Ward 3\) voted against it\./);
});

const context = { titles: ['Council approves east side bus depot | The Courier'], url: 'https://courier.example/news/depot' };

const furnitureLines: [line: string, reason: string][] = [
  ['Read more: Bus fares rise again in May', 'read more'],
  ['RELATED: Council debates transit plan', 'read more'],
  ['© 2024 The Courier. All rights reserved.', 'copyright'],
  ['Share this: Facebook Twitter Email', 'share'],
  ['Advertisement', 'furniture'],
  ['Image 1 of / 9', 'furniture'],
  ['More Business News', 'furniture'],
  ['Updated 1:23 PM ET, Wed March 28, 2018', 'date line'],
  ['PUBLISHED: 10:48, Tue, Nov 19, 2019', 'date line'],
  ['Published 1 day ago', 'date line'],
  ['By Rosa Lind - 11/18/19 11:04 PM EST', 'byline'],
  ['By Rosa Lind and Tom Ek, Staff writers', 'byline'],
  ['Get the latest updates right in your inbox. Subscribe to our newsletters.', 'newsletter'],
  ['Rosa Lind may be reached at rlind@courier.example.', 'contact'],
  ['Volunteers fill sandbags on Monday. (AP Photo/Jane Doe)', 'caption'],
  ['Jane Doe | Bloomberg | Getty Images', 'caption'],
  ['By Rosa Lind, Tom Ek on Monday, November 18th, 2019 at 11:08 a.m.', 'byline'],
  ['(Reporting by Rosa Lind; editing by Tom Ek)', 'credits'],
  ['This post may contain affiliate links. Please see my disclosure page.', 'affiliate disclosure'],
  ['Like this story? Share it with a friend!', 'share'],
  ['Follow The Courier on Facebook, Twitter and Instagram.', 'share'],
  ["This website uses cookies to improve your experience. We'll assume you're ok with this. Accept", 'cookie notice'],
  ['[button link="/submit"] Send us your review[/button]', 'shortcode'],
  ['Posted on Maret 30, 2015 by Admin', 'date line'],
  ['Filed under: Transit |', 'tags'],
  ['5 min read', 'reading time'],
  ['Reading time: 3 minutes', 'reading time'],
  ['Tom Ek contributed reporting from Marlow Falls.', 'credits'],
  ['1 Main Street, Marlow Falls | 555-628-8500 tel | 555-628-8503 fax', 'contact'],
  ['RECENT ARTICLES', 'furniture'],
  ['Related post: Council debates transit plan', 'read more'],
  ['Council approves east side bus depot', 'headline'],
  ['https://courier.example/news/depot', 'url'],
];
for (const [line, reason] of furnitureLines) {
  test(`furnitureLineReason: ${JSON.stringify(line)} is ${reason}`, () => {
    assert.equal(furnitureLineReason(line, 0, context), reason);
  });
}

const articleLines = [
  'By the end of 2016, the depot had been delayed twice.',
  'Related parties must disclose their interests, the council said.',
  'The council will vote again on March 28, 2018, officials said.',
  'Who are we as a nation if we respond to threats with retribution? pic.twitter.com/s96jjh8AlD',
  'The details were shared on the Twitter handle of the Senate, @NGRSenate.',
  '10 p.m.',
  'Share prices rose 3 percent after the announcement.',
  'The company said it earns an affiliate commission on every ticket sold through the new app, which critics say is a conflict of interest that regulators must examine closely before the launch in May next year.',
  'Reporting by the local paper forced the council to act.',
  'Updated figures are expected next week.',
  'The threat was delivered by email, police said.',
  'Getty Images said on Monday that it would sell its archive.',
  'Anyone with information is asked to phone police at 555-628-0100.',
  'Posted guards stood at every gate.',
  'Tags on the new buses will show the route number.',
  'Subscribers to the city water service will pay more from June, the utility said in a statement on Monday.',
];
for (const line of articleLines) {
  test(`furnitureLineReason keeps article text ${JSON.stringify(line)}`, () => {
    assert.equal(furnitureLineReason(line, 3, context), undefined);
  });
}

test('furnitureLineReason looks for the headline only among the first lines', () => {
  assert.equal(furnitureLineReason('Council approves east side bus depot', 10, context), undefined);
});
