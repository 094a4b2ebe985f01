/** The options page. */
import { loadSettings, saveSettings } from '../extension/settings';

/** Loads the settings into the form in `doc` and saves each change. */
export async function startOptions(doc: Document): Promise<void> {
  const enabled = doc.getElementById('enabled') as HTMLInputElement;
  const saved = doc.getElementById('saved') as HTMLElement;
  const settings = await loadSettings();
  enabled.checked = settings.enabled;
  enabled.addEventListener('change', async () => {
    await saveSettings({ enabled: enabled.checked });
    saved.textContent = enabled.checked ? 'On: terms are explained on news pages.' : 'Off: no page is changed.';
  });
}
