/*
 * Construisons!: Camunda Forms (form-js, which Tasklist uses for our forms/*.form) in French.
 *
 * form-js has no translation mechanism for what it writes itself (validation messages, the
 * placeholder of a select, the labels of its buttons; bpmn-io/form-js#443), and Tasklist creates
 * the form-js instance inside one of its directives, out of reach of a custom script. So this
 * script watches the page (MutationObserver) and rewrites, in place, the texts form-js is known to
 * write, from the table below (docs/tasklist.md says why and how to extend it). It also:
 *  - gives form-js's date picker (flatpickr) French months and days, weeks from Monday and the
 *    French date format (jj/mm/aaaa), whatever the browser's own locale;
 *  - lets a French agent type a decimal comma in a number field: form-js drops the comma of a
 *    field without decimals, so « 2,5 » became 25 without a word; here it becomes 2.5 and the
 *    field then says that a whole number is expected.
 * Only when Tasklist shows French (scripts/html-lang.js sets <html lang>): an agent whose browser
 * asks for English keeps form-js's English.
 */

const french = () => document.documentElement.lang === 'fr';

/** A number as the French write it: 0,5 rather than 0.5. */
const frenchNumber = (text) => String(text).replace('.', ',');

/** What to type for a field with a pattern, keyed by the pattern of our forms (forms/*.form). */
export const PATTERN_HINTS = {
  '^CONS-[0-9]{4}-[0-9]{4}$':
    'Saisissez une référence de la forme CONS-2026-0001\u00a0: CONS, l\'année, puis quatre chiffres.'
};

/** The message of a required field, by form-js field type (the class fjs-form-field-<type>). */
const REQUIRED_BY_TYPE = {
  checkbox: 'Cochez cette case pour continuer.',
  checklist: 'Cochez au moins une case.',
  radio: 'Choisissez une réponse.',
  select: 'Choisissez une option dans la liste.',
  taglist: 'Choisissez au moins une valeur.',
  datetime: 'Indiquez une date.'
};

/**
 * form-js's validation messages (its Validator and number field), as regular expressions over the
 * whole message, with the French that replaces each. {@code field} is the field's type.
 */
const MESSAGES = [
  [/^Field is required\.$/, (m, type) => REQUIRED_BY_TYPE[type] || 'Ce champ est obligatoire.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Saisissez au moins ${m[1]}\u00a0caractères.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Saisissez au plus ${m[1]}\u00a0caractères.`],
  [/^Field must have minimum value of (.+)\.$/,
    (m) => `Saisissez un nombre supérieur ou égal à ${frenchNumber(m[1])}.`],
  [/^Field must have maximum value of (.+)\.$/,
    (m) => `Saisissez un nombre inférieur ou égal à ${frenchNumber(m[1])}.`],
  [/^Field must match pattern (.+)\.$/, (m) => PATTERN_HINTS[m[1]]
    || 'La valeur saisie n\'a pas la forme attendue\u00a0: reportez-vous à l\'aide sous le champ.'],
  [/^Field must be a valid {1,2}international phone number\..*$/,
    () => 'Saisissez un numéro de téléphone au format international, par exemple +33476000000.'],
  [/^Field must be a valid email\.$/,
    () => 'Saisissez une adresse électronique, par exemple prenom.nom@departement.fr.'],
  [/^Value is not a number\.$/,
    () => 'Saisissez un nombre, en chiffres (avec une virgule pour les décimales).'],
  [/^Value is expected to be an integer\.$/,
    () => 'Saisissez un nombre entier, sans virgule.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (m) => m[1] === '1' ? 'Saisissez au plus un chiffre après la virgule.'
      : `Saisissez au plus ${m[1]}\u00a0chiffres après la virgule.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Saisissez une valeur autorisée\u00a0: les deux plus proches sont ${frenchNumber(m[1])} et ${frenchNumber(m[2])}.`],
  [/^Date and time must both be entered\.$/, () => 'Indiquez la date et l\'heure.']
];

/** Other texts form-js writes in the viewer: element text, placeholders, titles, labels. */
const TEXTS = {
  'Select': 'Choisissez\u2026',
  'No results': 'Aucun résultat',
  'All values selected': 'Toutes les valeurs sont choisies',
  'Nothing to show.': 'Rien à afficher.',
  'No content to show.': 'Aucun contenu à afficher.',
  'External content couldn\'t be loaded.': 'Le contenu externe n\'a pas pu être chargé.'
};
const ATTRIBUTES = {
  'Search': 'Rechercher',
  'Increment': 'Augmenter',
  'Decrement': 'Diminuer',
  'Remove tag': 'Retirer',
  'Skip to search': 'Aller à la recherche',
  'Previous page': 'Page précédente',
  'Next page': 'Page suivante'
};

/** What the date picker (flatpickr) reads and writes; its English defaults otherwise. */
export const FLATPICKR_FR = {
  weekdays: {
    shorthand: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    longhand: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
  },
  months: {
    shorthand: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    longhand: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
      'novembre', 'décembre']
  },
  firstDayOfWeek: 1,
  ordinal: (day) => (day > 1 ? '' : 'er'),
  rangeSeparator: ' au ',
  weekAbbreviation: 'Sem.',
  scrollTitle: 'Défiler pour augmenter',
  toggleTitle: 'Cliquer pour basculer',
  yearAriaLabel: 'Année',
  monthAriaLabel: 'Mois',
  hourAriaLabel: 'Heure',
  minuteAriaLabel: 'Minute',
  time_24hr: true
};
/** How French agents write a date (flatpickr tokens), and the hint shown in the empty field. */
const DATE_FORMAT = 'd/m/Y';
const DATE_PLACEHOLDER = 'jj/mm/aaaa';

function fieldType(element) {
  const field = element.closest('.fjs-form-field');
  const type = field && Array.from(field.classList).find((c) => c.startsWith('fjs-form-field-'));
  return type ? type.substring('fjs-form-field-'.length) : '';
}

/** The French of one of form-js's messages, or null when it is not one of them. */
export function translateMessage(message, type) {
  for (const [pattern, french] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return french(match, type);
    }
  }
  return null;
}

/*
 * Text nodes are changed in place (their data), never replaced: form-js (Preact) keeps a
 * reference to each and writes its next message into the same node, which is then translated in
 * turn; a replaced node would leave form-js writing into a node no longer shown.
 */
function translateTextNode(node, translate) {
  if (node && node.nodeType === Node.TEXT_NODE) {
    const french = translate(node.data.trim());
    if (french && french !== node.data) {
      node.data = french;
    }
  }
}

function translateForm(root) {
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) =>
    item.childNodes.forEach((node) => translateTextNode(node, (text) => translateMessage(text, fieldType(item)))));
  root.querySelectorAll('.fjs-select-display, .fjs-dropdownlist-empty, .fjs-table-empty, .fjs-table-td,'
    + ' .fjs-iframe-placeholder').forEach((element) =>
    element.childNodes.forEach((node) => translateTextNode(node, (text) => TEXTS[text])));
  for (const name of ['placeholder', 'aria-label', 'title']) {
    root.querySelectorAll(`[${name}]`).forEach((element) => {
      const french = ATTRIBUTES[element.getAttribute(name)];
      if (french && french !== element.getAttribute(name)) {
        element.setAttribute(name, french);
      }
    });
  }
  root.querySelectorAll('.fjs-taglist-skip-link').forEach((element) =>
    element.childNodes.forEach((node) => translateTextNode(node, (text) => ATTRIBUTES[text])));
  root.querySelectorAll('input.flatpickr-input').forEach(frenchDatePicker);
}

/** Calendar, date format and placeholder of one form-js date picker, once. */
function frenchDatePicker(input) {
  const picker = input._flatpickr;
  if (!picker || input.dataset.construisonsFrench) {
    return;
  }
  input.dataset.construisonsFrench = 'true';
  picker.set({ locale: FLATPICKR_FR, dateFormat: DATE_FORMAT, ariaDateFormat: 'j F Y' });
  input.setAttribute('placeholder', DATE_PLACEHOLDER);
}

/*
 * A decimal separator in a number field. form-js filters the keys typed in its number inputs and
 * drops « , » and « . » when the field has no decimals (decimalDigits 0), and the digits after
 * one: « 2,5 » became 25. Seen first (capture phase, on the document), digits and a first
 * separator go straight to the field; form-js then reads « 2,5 » as 2.5 and its validation says
 * what is wrong (a whole number expected, too many decimals) instead of changing the number.
 */
function letDecimalsThrough(event) {
  const input = event.target;
  if (!french() || !(input instanceof HTMLInputElement) || !input.closest('.fjs-form-field-number')) {
    return;
  }
  const separator = event.key === ',' || event.key === '.';
  if (!/^[0-9]$/.test(event.key) && !separator) {
    return;
  }
  const kept = input.value.substring(0, input.selectionStart) + input.value.substring(input.selectionEnd);
  if (separator && /[.,]/.test(kept)) {
    // A second separator means nothing: refused, as form-js does.
    event.preventDefault();
  }
  event.stopImmediatePropagation();
}

document.addEventListener('keypress', letDecimalsThrough, true);

let scheduled = false;
const observer = new MutationObserver(() => {
  if (scheduled || !french()) {
    return;
  }
  // One pass per burst of changes, before the browser paints them.
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    if (window.flatpickr && !window.flatpickr.construisonsFrench) {
      // Pickers created from now on start in French; those already there are set one by one.
      window.flatpickr.localize(FLATPICKR_FR);
      window.flatpickr.construisonsFrench = true;
    }
    document.querySelectorAll('.fjs-container').forEach(translateForm);
  });
});
observer.observe(document.documentElement, {
  childList: true, subtree: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder', 'aria-label', 'title', 'class']
});

export default [];
