import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { findTestId, mountApp, sessionAnswers, typeInto } from './helpers/auth';
import { eventually } from './helpers/eventually';
import { removeBridge } from './helpers/fakeBridge';

enableAutoUnmount(afterEach);

afterEach(() => {
  removeBridge();
  document.body.innerHTML = '';
});

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('the desktop’s first-run choice', () => {
  it('comes before sign-in until a choice is made, and sends the centre server with its fingerprint checked', async () => {
    const { router, bridge } = await mountApp('/', {
      ...sessionAnswers(null),
      'connection.get': () => ({ ok: true, data: { mode: null } }),
      'connection.choose': (input) => ({ ok: true, data: input }),
    });
    expect(router.currentRoute.value.name).toBe('connect');
    (await findTestId('connection-client')).click();
    typeInto(await findTestId<HTMLInputElement>('connection-address'), '192.168.1.20');
    const fingerprint = await findTestId<HTMLTextAreaElement>('connection-fingerprint');
    typeInto(fingerprint, 'AB:CD');
    (await findTestId('connection-submit')).click();
    await eventually(() => expect(document.body.textContent).toContain('证书指纹应为 64 位十六进制数'));
    expect(bridge).not.toHaveBeenCalledWith('connection.choose', expect.anything());

    // Typed without colons in lower case: sent in the one form the server's card shows.
    typeInto(fingerprint, FINGERPRINT.replaceAll(':', '').toLowerCase());
    (await findTestId('connection-submit')).click();
    await eventually(() =>
      expect(bridge).toHaveBeenCalledWith('connection.choose', {
        mode: 'client',
        address: '192.168.1.20',
        port: 5710,
        fingerprint: FINGERPRINT,
      }),
    );
  });
});
