/*
 * Construisons!: the webapp's index.html says <html lang="en"> whatever language it shows, so
 * screen readers would read our French with an English voice (RGAA criterion 8.3). Loaded as a
 * custom script by config.js, this module sets the page language the way the webapp picks its
 * locale: the browser's first language if it is available, otherwise the fallback locale.
 */
import config from './config.js';

const available = config.locales.availableLocales;
const navigator = window.navigator;
const preferred = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
const language = preferred.split('-')[0].toLowerCase();
document.documentElement.lang = available.includes(language) ? language : config.locales.fallbackLocale;

export default [];
