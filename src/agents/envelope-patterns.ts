/**
 * What models wrap around an answer and is never document text, as data: the one place where
 * quire's cleaning patterns live. `cleanSectionText` applies them before any check; the
 * meta-text check judges what is left. Each pattern names where it is looked for:
 *
 * | place | what is tested | where |
 * |---|---|---|
 * | `fence` | the opening line of a fence around the whole answer | first and last line |
 * | `lead` | one sentence, the whole of it | the first sentences of the answer |
 * | `trail` | one sentence, anywhere in it (sentences with quotation marks are never touched) | the last sentences |
 * | `trail-block` | the start of a paragraph | the last paragraph |
 * | `label` | the start of the first line | the first line |
 * | `heading` | the first line as a heading, capturing its text; stripped when it repeats the section's title | the first line |
 * | `line` | a whole line | any line |
 *
 * Sentences are split at `.`, `!`, `?`, `…` (before a space), `。！？`, a colon ending a line,
 * and line breaks. Every `example` is a real model's output (or a faithful excerpt), and the
 * tests clean each one.
 */
export interface EnvelopePattern {
  /** Stable id; findings use `clean/<id>`. */
  id: string;
  place: 'fence' | 'lead' | 'trail' | 'trail-block' | 'label' | 'heading' | 'line';
  /** The language whose habit it is: `any` for syntax. */
  lang: 'en' | 'zh' | 'any';
  pattern: RegExp;
  /** Only right after another pattern of its place stripped something ("Certainly! Here's…"). */
  chained?: boolean;
  /** A `heading` pattern that holds only when the line is a paragraph of its own. */
  alone?: boolean;
  /** What it strips, for findings: "a leading acknowledgement". */
  what: string;
  /**
   * A real output it strips (or a faithful excerpt), what is left of it once cleaned as a
   * section titled "Part 1", and where it comes from.
   */
  example: { text: string; cleaned: string; source: string };
}

const acknowledgement =
  '(?:sure(?: thing)?|certainly|of course|absolutely|okay|ok|alright|all right|great|gladly|no problem|understood|happy to help)';
const announcement =
  "(?:here(?:'s|’s| is| are| you go| it is)|below (?:is|are|you(?:'ll| will) find)|the following is|i(?:'ve|’ve| have) (?:written|drafted|revised|expanded|condensed|rewritten|continued)|i(?:'ll|’ll| will) (?:now )?(?:write|continue|expand|revise|rewrite|condense|pick up)|let me (?:write|continue|expand|revise)|let(?:'s|’s) (?:create|write|continue|draft|begin|start))";
const deliverable = String.raw`(?:section|continuation|revision|revised|rewritten|rewrite|expanded|condensed|version|draft|requested|you asked for|as requested|\d[\d,]*[- ]words?)`;
const acknowledgementZh = '(?:好的|当然(?:可以|没问题)?|没问题|可以的?|明白了?|收到)';
const announcementZh =
  '(?:以下是|下面是|这是|如下是|请看|我(?:已经?|将|会|来)?(?:为您|为你)?(?:写|撰写|续写|改写|扩写|修改|完成|整理)(?:了|好了)?)';

const longbench = (model: string, line: number) =>
  `LongBench-Write predictions of ${model}, line ${line}`;

/** Every envelope pattern, in the order they are tried within their place. */
export const envelopePatterns: readonly EnvelopePattern[] = [
  {
    id: 'whole-fence',
    place: 'fence',
    lang: 'any',
    pattern: /^(`{3,}|~{3,})[ \t]*(?:markdown|md|text|plaintext|plain)?[ \t]*$/i,
    what: 'a code fence around the whole answer',
    example: {
      text: '```markdown\nThe harbour light was lit at dusk.\n```',
      cleaned: 'The harbour light was lit at dusk.',
      source: 'the habit of chat models asked for Markdown (excerpt written for quire)',
    },
  },
  {
    id: 'lead-acknowledgement',
    place: 'lead',
    lang: 'en',
    pattern: new RegExp(String.raw`^${acknowledgement}\s*[!.]+$`, 'i'),
    what: 'a leading acknowledgement',
    example: {
      text: 'Certainly! Coaching a Supply Engineer in managing project specifications is a key part of the role.',
      cleaned:
        'Coaching a Supply Engineer in managing project specifications is a key part of the role.',
      source: longbench('Qwen2.5', 10),
    },
  },
  {
    id: 'lead-announcement',
    place: 'lead',
    lang: 'en',
    pattern: new RegExp(
      String.raw`^(?:${acknowledgement}\s*[,!.]?\s*)?${announcement}\b[^\n]{0,240}[:：]$`,
      'i',
    ),
    what: 'a leading announcement of the answer',
    example: {
      text: 'Here is a 300-word newsletter about artificial intelligence:\n\nDear Subscriber, artificial intelligence keeps changing how we work.',
      cleaned: 'Dear Subscriber, artificial intelligence keeps changing how we work.',
      source: longbench('Llama-3.1-8B-Instruct', 7),
    },
  },
  {
    id: 'lead-announcement',
    place: 'lead',
    lang: 'en',
    pattern: new RegExp(
      String.raw`^(?:${acknowledgement}\s*[,!.]?\s*)?${announcement}\b[^\n]{0,240}\b${deliverable}\b[^\n]{0,160}[.!]$`,
      'i',
    ),
    what: 'a leading announcement of the answer',
    example: {
      text: "Sure, let's create a structured and effective 600-word learning plan for the Swift language.\n\nWeek one covers the basic syntax.",
      cleaned: 'Week one covers the basic syntax.',
      source: longbench('Qwen2.5', 26),
    },
  },
  {
    id: 'lead-announcement',
    place: 'lead',
    lang: 'en',
    chained: true,
    pattern: new RegExp(String.raw`^${announcement}\b[^\n]{0,400}[.!:：]$`, 'i'),
    what: 'a leading announcement of the answer',
    example: {
      text: 'Certainly! Here’s a detailed teaching script that covers the best practices of OKRs in well-known companies.\n\nObjectives and key results began at Intel.',
      cleaned: 'Objectives and key results began at Intel.',
      source: longbench('Qwen2.5', 34),
    },
  },
  {
    id: 'lead-offer-to-help',
    place: 'lead',
    lang: 'en',
    pattern:
      /^(?:i can (?:certainly |definitely )?help(?: you)? with (?:that|this)|i(?:'d|’d| would) be (?:happy|glad) to help(?: with (?:that|this))?)[.!]$/i,
    what: 'a leading offer to help',
    example: {
      text: 'I can help you with that. Here is a 2000-word teaching plan for third-grade mathematics:\n\nThe curriculum focuses on numbers.',
      cleaned: 'The curriculum focuses on numbers.',
      source: longbench('Llama-3.1-8B-Instruct', 40),
    },
  },
  {
    id: 'lead-acknowledgement',
    place: 'lead',
    lang: 'zh',
    pattern: new RegExp(`^${acknowledgementZh}\\s*[!！。~～]+$`),
    what: 'a leading acknowledgement',
    example: {
      text: '当然可以！灯塔的历史可以追溯到古代的亚历山大港。',
      cleaned: '灯塔的历史可以追溯到古代的亚历山大港。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
  {
    id: 'lead-announcement',
    place: 'lead',
    lang: 'zh',
    pattern: new RegExp(
      `^(?:${acknowledgementZh}\\s*[，,！!。]?\\s*)?${announcementZh}[^\\n]{0,120}?(?:[：:]|(?:部分|章节|段落|内容|正文|续写|版本|字)[^\\n]{0,40}[。！!])$`,
    ),
    what: 'a leading announcement of the answer',
    example: {
      text: '好的，以下是第三部分的内容：\n\n灯塔看守人每天黄昏时点亮灯火。',
      cleaned: '灯塔看守人每天黄昏时点亮灯火。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
  {
    id: 'trail-offer',
    place: 'trail',
    lang: 'en',
    pattern:
      /^(?:(?:if|should|whenever) you\b[^.!?]{0,100}?,\s*)?(?:please |just |do |also )?(?:let me know|feel free to (?:ask|reach out|let me|request|tell me))\b|^(?:would|do) you (?:like|want) me to\b|^(?:shall|should) i (?:continue|go on|proceed|keep going|write)\b|^if you(?:'d|’d| would) like,? i (?:can|could|will)\b|^(?:i(?:'m|’m| am) )?(?:happy|glad) to (?:help|assist) further\b/i,
    what: 'a trailing offer',
    example: {
      text: "These dialog lines show Nick Wilde's wit. I hope this helps! Let me know if you have any further requests.",
      cleaned: "These dialog lines show Nick Wilde's wit.",
      source: longbench('Llama-3.1-8B-Instruct', 8),
    },
  },
  {
    id: 'trail-sign-off',
    place: 'trail',
    lang: 'en',
    pattern:
      /^(?:i )?hope (?:this|that|it) (?:helps|is helpful|was helpful|meets|works|fits|serves)\b|^i hope you (?:enjoy(?:ed)?|like[d]?|found) (?:the|this|it|reading)\b/i,
    what: 'a trailing sign-off',
    example: {
      text: 'The keeper closed the door.\n\nI hope you enjoyed the story, and I look forward to hearing your feedback!',
      cleaned: 'The keeper closed the door.',
      source: longbench('Llama-3.1-8B-Instruct', 53),
    },
  },
  {
    id: 'trail-length-note',
    place: 'trail',
    lang: 'en',
    pattern:
      /^[([]?\s*(?:\*\*|__)?(?:word[- ]count|total words)\b|\b(?:this|the above|my)\s+(?:[\w-]+\s+){0,2}(?:section|text|essay|article|piece|response|answer|story|chapter|part|introduction|passage|draft|continuation|revision)\s+(?:is|was|contains|totals?|comes to|has|runs to)\s+(?:approximately |approx\. |about |roughly |around |exactly |over |under |just over |just under )?\d[\d,]*\s+words\b/i,
    what: 'a length note',
    example: {
      text: 'It can reduce costs.\n\nWord count: 400 words.',
      cleaned: 'It can reduce costs.',
      source: longbench('Llama-3.1-8B-Instruct', 10),
    },
  },
  {
    id: 'trail-offer',
    place: 'trail',
    lang: 'zh',
    pattern:
      /^希望(?:这|以上|这些|此)?(?:内容|回答|回复|段落)?(?:能)?(?:对你|对您)(?:有所|有)?(?:帮助|用)|^(?:如(?:果|需|有)[^。\n]{0,16}?[，,]\s*)?(?:请|欢迎)?(?:随时)?(?:告诉|联系)我|^(?:需要|要)我(?:继续|再|接着)/,
    what: 'a trailing offer',
    example: {
      text: '灯塔的光照亮了整片海湾。\n\n希望对你有帮助！如需修改，请随时告诉我。',
      cleaned: '灯塔的光照亮了整片海湾。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
  {
    id: 'trail-length-note',
    place: 'trail',
    lang: 'zh',
    pattern:
      /^[（(【[]?\s*(?:字数|全文字数|总字数|本[节段章部分]+字数)|^[（(【[]\s*(?:约|共|共计|合计)?\s*\d+\s*字\s*[）)】\]]$/,
    what: 'a length note',
    example: {
      text: '灯塔的光照亮了整片海湾。（字数：约800字）',
      cleaned: '灯塔的光照亮了整片海湾。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
  {
    id: 'trail-writer-note',
    place: 'trail-block',
    lang: 'en',
    pattern:
      /^\(?\s*(?:\*\*|__)?note(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?:i(?:'ve|’ve| have)\b|(?:this|the above|the) (?:[\w-]+ ){0,3}(?:is|was|has been) (?:written|not \d)|(?:this|the above|the) (?:[\w-]+ ){0,3}is (?:a|an|approximately|about) [\d,]+[- ]words?\b|the word count\b)/i,
    what: "a writer's note about the answer",
    example: {
      text: 'The study ends here.\n\nNote: The word count for this introduction is approximately 4000 words. Please let me know if you would like me to revise or expand on any of the sections.',
      cleaned: 'The study ends here.',
      source: longbench('Llama-3.1-8B-Instruct', 50),
    },
  },
  {
    id: 'separator',
    place: 'lead',
    lang: 'any',
    chained: true,
    pattern: /^(?:-{3,}|\*{3,}|_{3,})$/,
    what: 'a separator left by the envelope',
    example: {
      text: "Certainly! Here's a draft proposal for improving software deliveries from a vendor:\n\n---\n\n**Proposal to Improve Software Delivery Quality**",
      cleaned: '**Proposal to Improve Software Delivery Quality**',
      source: longbench('Qwen2.5', 9),
    },
  },
  {
    id: 'separator',
    place: 'trail-block',
    lang: 'any',
    chained: true,
    pattern: /^(?:-{3,}|\*{3,}|_{3,})\s*$/,
    what: 'a separator left by the envelope',
    example: {
      text: 'The light still turns.\n\n---\n\nI hope this helps! Let me know if you want the next part.',
      cleaned: 'The light still turns.',
      source: 'the habit of chat models that set their remarks apart (excerpt written for quire)',
    },
  },
  {
    id: 'section-label',
    place: 'label',
    lang: 'en',
    pattern:
      /^(?:section|part|chapter|paragraph)\s+(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\b(?:\s+of\s+\d+)?\s*(?:[:.)\-–—]\s*|$)/i,
    what: 'a section label',
    example: {
      text: 'Section 3: The lamp room held the great lens.',
      cleaned: 'The lamp room held the great lens.',
      source: 'the habit of section-by-section writing (excerpt written for quire)',
    },
  },
  {
    id: 'section-label',
    place: 'label',
    lang: 'zh',
    pattern: /^第[一二三四五六七八九十百\d]+(?:部分|节|章|段|篇)\s*(?:[：:、.．\-—]\s*|$)/,
    what: 'a section label',
    example: {
      text: '第三部分：灯塔看守人的一天从黄昏开始。',
      cleaned: '灯塔看守人的一天从黄昏开始。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
  {
    id: 'echoed-title',
    place: 'heading',
    lang: 'any',
    pattern: /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/,
    what: "a heading repeating the section's title",
    example: {
      text: '### Part 1\n\nThe first lights were fires on hills.',
      cleaned: 'The first lights were fires on hills.',
      source: 'a model echoing the section heading it was given (excerpt written for quire)',
    },
  },
  {
    id: 'echoed-title',
    place: 'heading',
    lang: 'any',
    pattern: /^(\*\*|__|\*|_)(.+?)\1[:：]?[ \t]*$/,
    what: "a heading repeating the section's title",
    example: {
      text: '**Part 1**\n\nThe first lights were fires on hills.',
      cleaned: 'The first lights were fires on hills.',
      source: 'a model echoing the section heading it was given (excerpt written for quire)',
    },
  },
  {
    id: 'echoed-title',
    place: 'heading',
    lang: 'any',
    pattern: /^(?:\*\*|__)?(?:title|标题)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?(.+?)(?:\*\*|__)?\s*$/i,
    what: "a heading repeating the section's title",
    example: {
      text: 'Title: Part 1\n\nThe first lights were fires on hills.',
      cleaned: 'The first lights were fires on hills.',
      source:
        'the "Title:" line of Mistral-7B answers in LongBench-Write (excerpt written for quire)',
    },
  },
  {
    id: 'echoed-title',
    place: 'heading',
    lang: 'any',
    alone: true,
    pattern: /^([^\n]{1,200})$/,
    what: "a heading repeating the section's title",
    example: {
      text: 'Part 1\n\nThe first lights were fires on hills.',
      cleaned: 'The first lights were fires on hills.',
      source: 'a model echoing the section heading it was given (excerpt written for quire)',
    },
  },
  {
    id: 'word-count-line',
    place: 'line',
    lang: 'en',
    pattern:
      /^[ \t>]*[([{]?[ \t]*(?:\*\*|__|\*|_)?(?:word[- ]count|total words|length)(?:\*\*|__|\*|_)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(?:approximately |approx\. |about |roughly |~)?\d[\d,]*(?:[ \t]+words?)?[ \t]*(?:\*\*|__|\*|_)?[)\]}]?[ \t.]*$|^[ \t]*[([][ \t]*(?:approximately |approx\. |about |~)?\d[\d,]*[ \t]+words?[ \t]*[)\]][ \t]*$/i,
    what: 'a word count',
    example: {
      text: 'The lighthouse stood for a century.\n\n(Word count: 600)\n\nIts lamp was rebuilt twice.',
      cleaned: 'The lighthouse stood for a century.\n\nIts lamp was rebuilt twice.',
      source: 'the habit of chat models that count their own words (excerpt written for quire)',
    },
  },
  {
    id: 'word-count-line',
    place: 'line',
    lang: 'zh',
    pattern:
      /^[ \t]*[（(【[]?[ \t]*(?:字数|全文字数|总字数)(?:统计)?[ \t]*[：:][ \t]*(?:约|大约|共|共计)?[ \t]*\d+[ \t]*(?:个)?字?[ \t]*[）)】\]]?[ \t。]*$/,
    what: 'a word count',
    example: {
      text: '灯塔矗立了一个世纪。\n\n（字数：约600字）\n\n它的灯曾两次重建。',
      cleaned: '灯塔矗立了一个世纪。\n\n它的灯曾两次重建。',
      source: 'the Chinese form of the habit (excerpt written for quire)',
    },
  },
];
