// The pages Syndic writes are checked as valid HTML by html-validate (its recommended rules),
// less two matters of taste: the lowercase doctype, and titles past 70 characters (an article's
// title is the author's).
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off', 'long-title': 'off' } });

/** Every problem html-validate finds, as "line:column rule: message"; empty when the page is valid. */
export async function validateHtml(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}
