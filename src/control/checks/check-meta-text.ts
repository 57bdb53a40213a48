import type { Finding } from '../../evaluators/finding.js';
import type { SectionCheckInput } from './section-check.js';

interface MetaPattern {
  ruleId: string;
  pattern: RegExp;
  what: string;
  /** Only a problem before the last section (a conclusion is welcome at the end). */
  midDocumentOnly?: boolean;
}

const patterns: MetaPattern[] = [
  {
    ruleId: 'check/meta-plan-label',
    pattern:
      /^[ \t>*_#•-]*(?:paragraph|section|part|段落|第[一二三四五六七八九十\d]+[段部节])\s*\d*\s*[-–—:：]\s*(?:main point|word count|字数|主要内容)/im,
    what: 'a plan label',
  },
  {
    ruleId: 'check/meta-plan-label',
    pattern: /^[ \t>*_#•-]*(?:main point|word count|字数要求|主要内容)\s*[:：]/im,
    what: 'a plan label',
  },
  {
    ruleId: 'check/meta-assistant',
    pattern:
      /\bas an ai\b|\bas a (?:large )?language model\b|作为(?:一个)?(?:人工智能|AI|语言模型)/i,
    what: 'an assistant disclaimer',
  },
  {
    ruleId: 'check/meta-assistant',
    pattern:
      /^[ \t>*_#•-]*(?:sure|certainly|of course)[,!.]?\s+(?:here(?:'s| is)|below is)\b|^[ \t>*_#•-]*here(?:'s| is) (?:the|your) (?:section|continuation|revised)|(?:let me know|i hope this helps)[^.\n]*[.!]?\s*$/im,
    what: 'a reply to the user instead of document text',
  },
  {
    ruleId: 'check/meta-word-count',
    pattern:
      /\(\s*(?:about |approx(?:imately|\.)? )?\d[\d,]*\s*words?\s*\)|（?\s*约?\d+\s*字\s*）/i,
    what: 'a word count',
  },
  {
    ruleId: 'check/meta-api-error',
    pattern:
      /\b(?:error code:? ?\d{3}|rate limit (?:reached|exceeded)|internal server error|service unavailable|insufficient_quota|context_length_exceeded)\b|<!doctype html|\{\s*"error"\s*:/i,
    what: 'an API error message',
  },
  {
    ruleId: 'check/meta-early-conclusion',
    pattern:
      /^[ \t>*_#•-]*(?:(?:in conclusion|to conclude|to sum up|in summary|in closing)\b|总之|综上所述|总而言之|最后总结)/im,
    what: 'a closing summary',
    midDocumentOnly: true,
  },
];

/**
 * Finds text that is not document text: plan labels ("Paragraph 3 - Main Point"), assistant
 * chatter ("As an AI", "Sure, here is"), word counts, API error strings saved as text, and a
 * closing summary in the middle of the document. Each match becomes a finding with its line.
 */
export function checkMetaText({ text, section, index, plan }: SectionCheckInput): Finding[] {
  const isLast = index === plan.sections.length - 1;
  const findings: Finding[] = [];
  for (const { ruleId, pattern, what, midDocumentOnly } of patterns) {
    if (midDocumentOnly && isLast) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const line = text.slice(0, match.index).split('\n').length;
    findings.push({
      evaluator: 'check',
      ruleId,
      severity: 'error',
      message: `${what} leaked into the text: "${match[0].trim().slice(0, 60)}"`,
      location: { section: section.id, line },
    });
  }
  return findings;
}
