import type { ParaReauthDialogStrings } from '../para-reauth-dialog/dialog-strings.js';
import type { ParaSessionStatusStrings } from '../para-session-status/status-strings.js';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Everything the kit writes in one language. Unit words are used only where `Intl` has no unit formatting. */
export interface ParaTranslation {
  dialog: ParaReauthDialogStrings;
  status: ParaSessionStatusStrings;
  units: Record<'day' | 'hour' | 'minute' | 'second', PluralForms>;
}
