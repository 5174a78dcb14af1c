import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './helpers/suite.ts';
import { type, widget } from './helpers/widget.ts';

/** Sets the element's `locale` attribute, as an integrator's markup or script would. */
async function setLocale(page: import('playwright-core').Page, locale: string): Promise<void> {
  await page.locator('tiny-chat').waitFor({ state: 'attached' });
  await page.evaluate((value) => document.querySelector('tiny-chat')!.setAttribute('locale', value), locale);
}

describe('languages: the locale attribute picks the table, the direction and the date format', () => {
  const suite = useBrowserSuite();

  it('Spanish: every control by its Spanish name, a message sent, its time in Spanish', async () => {
    const { page } = await suite.person('/');
    await widget(page).openButton.waitFor();
    await setLocale(page, 'es-MX');
    await page.getByRole('button', { name: 'Abrir chat' }).click();
    const panel = page.getByRole('dialog', { name: 'Chat' });
    await panel.waitFor();
    expect(await panel.getAttribute('lang')).toBe('es-MX');
    expect(await panel.getAttribute('dir')).toBe('ltr');
    const box = page.getByRole('textbox', { name: 'Mensaje', exact: true });
    await box
      .or(page.getByRole('button', { name: 'Nueva conversación' }))
      .first()
      .waitFor();
    if (!(await box.isVisible())) await page.getByRole('button', { name: 'Nueva conversación' }).click();
    await box.waitFor();
    expect(await box.getAttribute('placeholder')).toBe('Escribe un mensaje…');
    await page.getByRole('log', { name: 'Mensajes' }).waitFor();
    await box.fill('Hola, ¿dónde está mi paquete?');
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    const row = page.locator('[data-message-id][data-status="sent"]', { hasText: 'dónde está mi paquete' });
    await row.waitFor();
    // The time as Intl writes it for es-MX, the same instant formatted in the page.
    const iso = await row.locator('time').getAttribute('datetime');
    const expected = await page.evaluate(
      (value) => new Intl.DateTimeFormat('es-MX', { hour: 'numeric', minute: '2-digit' }).format(new Date(value.replace(/(\.\d{3})\d+/, '$1'))),
      iso!,
    );
    expect(await row.locator('time').textContent()).toBe(expected);
    await page.getByRole('button', { name: 'Volver a las conversaciones' }).click();
    await page.getByRole('list', { name: 'Conversaciones' }).getByRole('button').filter({ hasText: 'Hola, ¿dónde está mi paquete?' }).waitFor();
    // No English left on the screen: none of the English names is found.
    for (const name of ['Open chat', 'Close chat', 'New conversation', 'Close']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
  });

  it('Arabic: right to left, the launcher at the bottom-left, the panel mirrored, names in Arabic', async () => {
    const { page } = await suite.person('/');
    await widget(page).openButton.waitFor();
    await setLocale(page, 'ar');
    const launcher = page.getByRole('button', { name: 'فتح الدردشة' });
    await launcher.waitFor();
    const viewport = page.viewportSize()!;
    const at = (await launcher.boundingBox())!;
    expect(at.x + at.width).toBeLessThan(viewport.width / 2);
    await launcher.click();
    const panel = page.getByRole('dialog', { name: 'الدردشة' });
    await panel.waitFor();
    expect(await panel.getAttribute('dir')).toBe('rtl');
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThan(viewport.width / 2 + 40);
    const start = page.getByRole('button', { name: 'محادثة جديدة' });
    const message = page.getByRole('textbox', { name: 'رسالة', exact: true });
    await message.or(start).first().waitFor();
    if (!(await message.isVisible())) await start.click();
    await message.fill('مرحبا');
    await message.press('Enter');
    const mine = page.locator('[data-message-id][data-mine="true"][data-status="sent"]', { hasText: 'مرحبا' });
    await mine.waitFor();
    // One's own bubble sits at the inline end: the left in right-to-left.
    const bubble = (await mine.locator('.tc-msg-bubble').boundingBox())!;
    expect(bubble.x - box.x).toBeLessThan(box.x + box.width - (bubble.x + bubble.width));
    expect(await page.getByRole('button', { name: 'العودة إلى المحادثات' }).count()).toBe(1);
  });

  it('Spanish: an error from the server (a key it refuses, 401) is said in Spanish, in the alert and the tinychat:error event', async () => {
    const { page } = await suite.person('/');
    await widget(page).openButton.waitFor();
    await setLocale(page, 'es');
    await page.getByRole('button', { name: 'Abrir chat' }).waitFor();
    await page.evaluate(() => {
      const element = document.querySelector('tiny-chat')!;
      const seen: unknown[] = ((window as unknown as { tinychatErrors: unknown[] }).tinychatErrors = []);
      element.addEventListener('tinychat:error', (e) => seen.push((e as CustomEvent).detail));
      // Another tenant's key that does not exist: the widget starts over with it and the server answers 401.
      element.setAttribute('api-key', 'pk_test_not_a_tenant');
    });
    const sentence = 'El chat no está bien configurado: su clave de API no es válida. Avisa al propietario del sitio.';
    const alert = page.getByRole('alert').filter({ hasText: sentence });
    const open = page.getByRole('button', { name: 'Abrir chat' });
    await alert.or(open).first().waitFor();
    if (!(await alert.isVisible())) await open.click();
    await alert.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'API key is not valid' }).count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { tinychatErrors: unknown[] }).tinychatErrors))
      .toEqual([{ message: sentence, code: 'errorBadKey', fatal: true }]);
  });

  it('English stays the default and the fixed names of the contract are the English table', async () => {
    const { page } = await suite.person('/');
    const w = widget(page);
    await w.openButton.click();
    await w.panel.waitFor();
    expect(await w.panel.getAttribute('dir')).toBe('ltr');
    const box = (await w.launcher.boundingBox())!;
    expect(box.x).toBeGreaterThan(page.viewportSize()!.width / 2);
    await w.messageBox.or(w.newConversation).first().waitFor();
    if (!(await w.messageBox.isVisible())) await w.newConversation.click();
    await type(w, 'hello');
    await w.message('hello').waitFor();
  });
});
