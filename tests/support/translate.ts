export { inEnglish, translatorFor } from '../../src/platform/i18n-messages';
