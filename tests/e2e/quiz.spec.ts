import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems } from './axe';

const lessonPath = 'module-08/04-cutting-edge-models/';

/** A quiz on the page, found by the start of its question as the reader sees it. */
const quizAsking = (page: Page, question: RegExp) => page.locator('course-quiz').filter({ has: page.getByRole('group', { name: question }) });
const portQuiz = (page: Page) => quizAsking(page, /^Yesterday your Chainlit app reached Foundry Local/);
const sessionFourBadge = (page: Page) => page.locator('.session-card', { hasText: 'Cutting-edge models' }).locator('.progress-badge');
/** An option's feedback as a screen reader announces it: its verdict (after the ✓ or ✗ it may include), then the explanation. */
const feedback = (verdict: string, explanation = '') => new RegExp(`^[✓✗\\s]*${verdict.replace('.', '\\.')} ${explanation}`);

test('a wrong answer shows why it is wrong, a right one says so, and the answer stays through a reload and a change of language', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  const quiz = portQuiz(page);
  const firewall = quiz.getByRole('radio', { name: /The firewall started blocking loopback traffic/ });
  const newPort = quiz.getByRole('radio', { name: /The service started on another free port/ });
  await firewall.check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByText('Not quite. Read the explanation of your answer, then try again.')).toBeVisible();
  await expect(firewall).toHaveAccessibleDescription(feedback('Incorrect.', 'Connections to 127.0.0.1 stay inside the computer'));
  await expect(quiz.getByText(/Foundry Local picks a free port each time/)).toBeHidden(); // the right answer is not given away
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeFocused();

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(firewall).toBeFocused();
  await newPort.check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByText('Correct! The explanation of every option is shown below.')).toBeVisible();
  await expect(newPort).toHaveAccessibleDescription(feedback('Correct.', 'Foundry Local picks a free port each time its service starts'));
  await expect(firewall).toHaveAccessibleDescription(feedback('Incorrect.'));
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toContainText('1 of 5 questions answered right');

  await page.reload();
  await expect(newPort).toBeChecked();
  await expect(newPort).toBeDisabled();
  await expect(quiz.getByText('Correct! The explanation of every option is shown below.')).toBeVisible();
  await expect(newPort).toHaveAccessibleDescription(feedback('Correct.', 'Foundry Local picks a free port each time its service starts'));
  await expect(quiz.getByText(/Foundry Local picks a free port each time/)).toBeVisible();

  await page.locator('.language-picker summary').click();
  await page.getByRole('link', { name: 'Български' }).click();
  await expect(page).toHaveURL(`/bg/${lessonPath}`);
  const inBulgarian = quizAsking(page, /^Вчера приложението ви с Chainlit/);
  await expect(inBulgarian.getByRole('radio', { checked: true })).toHaveAccessibleName(/Услугата е стартирала на друг свободен порт/);
  await expect(inBulgarian.getByText('Вярно! Отдолу е обяснението на всеки отговор.')).toBeVisible();
  await expect(inBulgarian.getByText(/Foundry Local избира свободен порт при всяко стартиране/)).toBeVisible();
  await expect(inBulgarian.getByRole('button', { name: 'Опитайте отново' })).toBeVisible();
});

test('a quiz with several right answers is right only with all of them, and can be answered with the keyboard alone (Arabic, right to left)', async ({ page }) => {
  await page.goto(`/ar/${lessonPath}`);
  const quiz = quizAsking(page, /^ضُبط الموجِّه الهجين لديك/);
  await expect(quiz.getByRole('group')).toHaveAccessibleDescription('اختر كل الإجابات الصحيحة.');
  const boxes = quiz.getByRole('checkbox');
  await expect(boxes).toHaveCount(5);
  // Options in order: too long (wrong), marked private, a code task (wrong), personal data, offline.
  await boxes.nth(1).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // personal data; offline is still missing
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'تحقّق' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.locator('.quiz-summary')).toHaveText(/^ليس تمامًا: أحد اختياراتك خاطئ، أو ينقصك خيار صحيح/);
  await expect(boxes.nth(1)).toHaveAccessibleDescription(feedback('صحيح.'));
  await expect(boxes.nth(4)).not.toHaveAttribute('aria-describedby'); // a missed right answer is not given away

  await page.keyboard.press('Enter'); // focus is on “Try again”
  await expect(boxes.nth(1)).toBeFocused();
  await boxes.nth(4).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(quiz.locator('.quiz-summary')).toHaveText('إجابة صحيحة! تجد أدناه شرح كل خيار.');
  await expect(boxes.nth(2)).toHaveAccessibleDescription(feedback('غير صحيح.', 'نوع المهمة يحدد النموذج'));

  // A radio group is one stop for Tab; the arrow keys choose within it.
  const single = quizAsking(page, /^بالأمس كان تطبيق Chainlit/);
  await single.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(single.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(single.locator('.quiz-summary')).toHaveText('إجابة صحيحة! تجد أدناه شرح كل خيار.');
});

test('checking without choosing says to choose first, and another open tab shows the answer', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`/en/${lessonPath}`);
  await second.goto(`/bg/${lessonPath}`);
  const quiz = quizAsking(first, /^`?foundry run phi-4-mini`? chats happily/);
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByText('Choose an answer first, then check it.')).toBeVisible();
  await quiz.getByRole('radio', { name: /The request has no API key/ }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  const there = quizAsking(second, /^`?foundry run phi-4-mini`? си разговаря/);
  await expect(there.getByRole('radio', { name: /Заявката няма API ключ/ })).toBeChecked();
  await expect(there.getByText('Не съвсем. Прочетете обяснението на отговора си и опитайте отново.')).toBeVisible();
});

test('an export holds the quiz answers, and importing it brings them back after a reset', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  const quiz = quizAsking(page, /^On Linux the lesson starts Open WebUI/);
  await quiz.getByRole('radio', { name: /The container uses the host’s network/ }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeVisible();

  await page.goto('/en/');
  await expect(sessionFourBadge(page)).toContainText('0 of 4 tasks done, 1 of 5 questions answered right');
  await expect(sessionFourBadge(page)).toContainText('0/4 · quiz 1/5');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export progress' }).click();
  const exported = await (await download).path();
  const file = JSON.parse(readFileSync(exported, 'utf8'));
  expect(file.quizzes).toEqual({ 'module-08/04-cutting-edge-models#network-host': { chosen: ['host-network'], correct: true, at: expect.any(String) } });

  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByRole('dialog')).toContainText('Remove every tick and quiz answer in every lesson?');
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all ticks' }).click();
  await expect(sessionFourBadge(page)).toContainText('0 of 5 questions answered right');
  await page.goto(`/en/${lessonPath}`);
  await expect(quiz.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(quiz.getByRole('button', { name: 'Check' })).toBeVisible();

  await page.goto('/en/');
  await expect(panel.getByLabel('Import progress')).toBeEnabled(); // the panel's script has arrived
  await panel.getByLabel('Import progress').setInputFiles(exported);
  await expect(sessionFourBadge(page)).toContainText('1 of 5 questions answered right');
  await page.goto(`/en/${lessonPath}`);
  await expect(quiz.getByRole('radio', { name: /The container uses the host’s network/ })).toBeChecked();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a quiz reads as its question and options, each with its verdict and explanation folded under it', async ({ page }) => {
    await page.goto(`/en/${lessonPath}`);
    const quiz = portQuiz(page);
    await expect(quiz.getByRole('radio')).toHaveCount(0);
    await expect(quiz.getByRole('button', { name: 'Check' })).toBeHidden();
    const firewall = quiz.locator('.quiz-option', { hasText: 'The firewall started blocking loopback traffic' });
    const verdict = (text: string) => firewall.getByText(text, { exact: true });
    await expect(verdict('Incorrect.')).toBeHidden();
    await firewall.getByText('Explanation', { exact: true }).click();
    await expect(verdict('Incorrect.')).toBeVisible();
    await expect(verdict('Correct.')).toBeHidden();
    await expect(firewall).toContainText('Connections to 127.0.0.1 stay inside the computer');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`answered quizzes, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const locale of ['en', 'bg', 'ar'] as const) {
      test(`a ${locale} lesson with a wrong, a right and a half-right answer has no WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(`/${locale}/${lessonPath}`);
        const quizzes = page.locator('course-quiz');
        const answer = async (index: number, options: number[]) => {
          const quiz = quizzes.nth(index);
          for (const option of options) await quiz.locator('input').nth(option).check();
          await quiz.locator('.quiz-check').click();
          await expect(quiz).toHaveAttribute('data-result', /right|wrong/);
        };
        await answer(0, [0]); // wrong
        await answer(1, [2]); // right
        await answer(2, [1]); // one of two right answers
        await quizzes.nth(3).locator('.quiz-check').click(); // nothing chosen
        expect(await accessibilityProblems(page, colorScheme, ['course-quiz'])).toEqual([]);
      });
    }
  });
}
