/**
 * Words that introduce attributed speech, belief or intention in news copy (lower-case, the forms
 * as they appear: `said`, `says`, `told`). Used by the quotes stage as tagger features (the model
 * learns most cues from data; these classes help on rare forms) and for the medium of a cue.
 */

/** Verbs of saying, in their common inflected forms. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  [
    'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding', 'state', 'states', 'stated',
    'claim', 'claims', 'claimed', 'claiming', 'announce', 'announces', 'announced', 'explain', 'explains', 'explained', 'note', 'notes',
    'noted', 'argue', 'argues', 'argued', 'arguing', 'insist', 'insists', 'insisted', 'warn', 'warns', 'warned', 'warning', 'write',
    'writes', 'wrote', 'tweet', 'tweets', 'tweeted', 'ask', 'asks', 'asked', 'reply', 'replies', 'replied', 'respond', 'responds',
    'responded', 'declare', 'declares', 'declared', 'report', 'reports', 'reported', 'confirm', 'confirms', 'confirmed', 'deny',
    'denies', 'denied', 'admit', 'admits', 'admitted', 'acknowledge', 'acknowledges', 'acknowledged', 'suggest', 'suggests',
    'suggested', 'promise', 'promises', 'promised', 'vow', 'vows', 'vowed', 'pledge', 'pledges', 'pledged', 'accuse', 'accuses',
    'accused', 'allege', 'alleges', 'alleged', 'charge', 'charged', 'contend', 'contends', 'contended', 'maintain', 'maintains',
    'maintained', 'predict', 'predicts', 'predicted', 'recall', 'recalls', 'recalled', 'describe', 'describes', 'described', 'call',
    'calls', 'called', 'urge', 'urges', 'urged', 'demand', 'demands', 'demanded', 'quip', 'quipped', 'joke', 'joked', 'shout',
    'shouted', 'yell', 'yelled', 'complain', 'complained', 'concede', 'conceded', 'boast', 'boasted', 'assert', 'asserted', 'mention',
    'mentioned', 'observe', 'observed', 'reveal', 'revealed', 'testify', 'testified', 'emphasize', 'emphasized', 'stress', 'stressed',
    'point', 'pointed', 'continue', 'continued', 'agree', 'agreed', 'disagree', 'criticize', 'criticized', 'blame', 'blamed',
    'praise', 'praised', 'announcing', 'posted', 'wrote', 'read', 'reads', 'according',
  ],
);

/** Verbs and adjectives of belief, knowledge, intention and stance: PolNeAR counts them as cues. */
export const COGNITION_VERBS: ReadonlySet<string> = new Set([
  'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'know', 'knows', 'knew', 'feel', 'feels', 'felt', 'want', 'wants',
  'wanted', 'hope', 'hopes', 'hoped', 'fear', 'fears', 'feared', 'expect', 'expects', 'expected', 'plan', 'plans', 'planned', 'intend',
  'intends', 'intended', 'worry', 'worries', 'worried', 'doubt', 'doubts', 'doubted', 'wonder', 'wonders', 'wondered', 'consider',
  'considers', 'considered', 'see', 'sees', 'saw', 'view', 'views', 'viewed', 'support', 'supports', 'supported', 'oppose',
  'opposes', 'opposed', 'favor', 'favors', 'favored', 'seek', 'seeks', 'sought', 'decide', 'decided', 'conclude', 'concluded',
  'estimate', 'estimates', 'estimated', 'find', 'finds', 'found', 'show', 'shows', 'showed', 'indicate', 'indicates', 'indicated',
  'convinced', 'sure', 'confident', 'aware', 'concerned', 'afraid', 'skeptical', 'likes', 'like', 'liked', 'wish', 'wishes',
  'wished', 'assume', 'assumed', 'realize', 'realized', 'recognize', 'recognized', 'understand', 'understands', 'understood',
]);

/** Nouns that carry an attribution (`his claim that`, `in a statement`). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'interview', 'remarks', 'speech', 'claim', 'claims', 'comments', 'comment', 'tweet', 'tweets', 'post',
  'report', 'reports', 'release', 'letter', 'memo', 'op-ed', 'editorial', 'column', 'email', 'e-mail', 'message', 'testimony',
  'briefing', 'conference', 'announcement', 'poll', 'polls', 'survey', 'view', 'belief', 'argument', 'promise', 'pledge', 'warning',
  'accusation', 'allegation', 'allegations', 'assertion', 'opinion', 'plan', 'plans', 'proposal', 'video', 'ad', 'rally', 'debate',
]);

/**
 * Documents that speak for whoever issued them: `the statement added` is the organisation that
 * `said in a statement` earlier in the article.
 */
export const ISSUED_DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'release', 'report', 'letter', 'memo', 'communique', 'communiqué', 'announcement', 'email', 'e-mail', 'filing',
  'complaint', 'lawsuit', 'post', 'tweet', 'message', 'notice', 'bulletin', 'study', 'survey', 'poll', 'document', 'ad', 'video',
  'website', 'transcript', 'order', 'ruling',
]);

/** A passive of belief or report (`is expected`, `are widely believed`): its subject is no speaker. */
export const PASSIVE_BELIEF = /^(?:is|are|was|were|has\s+been|have\s+been|had\s+been|(?:is|are|was|were)(?:\s+not|n['’]t)|(?:has|have|had)(?:\s+not|n['’]t)\s+been)\s+(?:\w+ly\s+)?(?:expected|believed|thought|said|reported|understood|alleged|rumou?red|tipped|considered|estimated|feared|presumed|suspected)$/i;
