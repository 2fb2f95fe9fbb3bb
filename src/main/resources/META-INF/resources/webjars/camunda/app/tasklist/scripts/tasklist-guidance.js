/*
 * Construisons!: Tasklist says what just happened and what to do next. Loaded as a custom script
 * by config.js; it works through Tasklist's own AngularJS services once the application runs:
 *  - after « Déposer une idée », the idea's reference (the business key that the start's answer
 *    carries: an agent may not read process instances, the answer is all they get) with a link to
 *    its page in the idea box, kept until closed;
 *  - one error at a time: a new error replaces the previous one (and a success clears them),
 *    instead of piling up over the form;
 *  - a form that form-js refuses in the browser says which fields to correct (they are marked in
 *    red next to them) instead of « an error occurred while sending the form »;
 *  - a form refused on the server: each problem written under its field, as form-js writes its own;
 *  - « Créer une tâche » only for those the engine lets create a task (asked through the engine
 *    API's authorization check); styles/user-styles.css hides it until the answer is yes.
 * docs/tasklist.md describes each.
 */
const base = document.querySelector('base');
// The web apps live under <context>/camunda (app-root); the idea box is at <context>/idees.
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const contextPath = appRoot.substring(0, appRoot.lastIndexOf('/'));

/** The process whose start is « Déposer une idée » (fr.construisons.idea.IdeaLifecycle.PROCESS_KEY). */
const IDEA_PROCESS_KEY = 'idea-lifecycle';
/** An idea's reference (idea/ReferenceGenerator): nothing else is ever written into the page. */
const REFERENCE = /^CONS-\d{4}-\d{4}$/;
/** Resources.TASK of the engine, for the authorization check. */
const TASK_RESOURCE_TYPE = 7;

const french = () => document.documentElement.lang === 'fr';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function visible(element) {
  return !!(element.offsetWidth || element.offsetHeight || element.getClientRects().length);
}

/** Calls back with the application's injector once AngularJS has started the application. */
function whenAngularReady(callback) {
  const injector = () => window.angular && window.angular.element(document.body).injector();
  if (injector()) {
    callback(injector());
    return;
  }
  const observer = new MutationObserver(() => {
    if (injector()) {
      observer.disconnect();
      callback(injector());
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/** The fields form-js shows in error, in the order of the form, with their labels. */
function fieldsInError() {
  return Array.from(document.querySelectorAll('.fjs-form-field.fjs-has-errors')).filter(visible).map((field) => {
    const label = field.querySelector('.fjs-form-field-label');
    return { field, label: label ? label.textContent.replace('*', '').trim() : '' };
  });
}

/**
 * Tasklist reports a form that form-js refused (required field empty, number out of range…) as a
 * failed submission with no message. Its fields already say, in red, what is wrong: the toast
 * names them and the first one gets the focus.
 */
function explainFormErrors(notification) {
  if (notification.message || !french()) {
    return;
  }
  const fields = fieldsInError();
  if (!fields.length) {
    return;
  }
  const labels = fields.map((f) => f.label).filter(Boolean).map((label) => `«\u00a0${escapeHtml(label)}\u00a0»`);
  notification.construisonsIncompleteForm = true;
  notification.status = 'Le formulaire n\'est pas complet';
  notification.message = (labels.length > 1 ? 'corrigez les champs signalés en rouge\u00a0: '
    : 'corrigez le champ signalé en rouge\u00a0: ') + labels.join(', ') + '.';
  const first = fields[0].field.querySelector('input:not([type=hidden]), textarea, .fjs-select-display');
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
}

function oneErrorAtATime(notifications) {
  const addError = notifications.addError;
  notifications.addError = function (notification) {
    this.clear({ type: 'danger' });
    explainFormErrors(notification);
    return addError.call(this, notification);
  };
  const addMessage = notifications.addMessage;
  notifications.addMessage = function (notification) {
    // After a success, an earlier refusal is about something that no longer stands.
    this.clear({ type: 'danger' });
    return addMessage.call(this, notification);
  };
}

/** The body of a refusal: superagent's error keeps the response (or at least its text). */
function refusalBody(error) {
  if (error && error.response && error.response.body && typeof error.response.body === 'object') {
    return error.response.body;
  }
  try {
    return JSON.parse((error && (error.text || (error.response && error.response.text))) || '{}');
  } catch (e) {
    return {};
  }
}

/**
 * A form refused on the server names, for each problem, the variable of its field
 * (security/EngineErrorsInFrench): the message is written under that field, as form-js writes
 * its own, and goes when the field is next changed (form-js draws the field again).
 */
function showRefusalsNextToFields(error) {
  const fields = refusalBody(error).fields;
  if (!Array.isArray(fields)) {
    return;
  }
  document.querySelectorAll('.construisons-server-error').forEach((old) => old.remove());
  fields.forEach((problem) => {
    if (typeof problem.field !== 'string' || !/^[A-Za-z0-9_]+$/.test(problem.field)) {
      return;
    }
    const input = document.querySelector(`.fjs-container [id$="-Field_${problem.field}"]`);
    const field = input && input.closest('.fjs-form-field');
    if (!field) {
      return;
    }
    const box = document.createElement('div');
    box.className = 'fjs-form-field-error construisons-server-error';
    box.setAttribute('role', 'alert');
    const text = String(problem.message || '');
    // The message is text (never markup): written with textContent.
    box.textContent = text.charAt(0).toUpperCase() + text.slice(1) + '.';
    field.appendChild(box);
    // Gone as soon as the agent changes what the server refused.
    field.addEventListener('input', () => box.remove(), { once: true });
    field.addEventListener('change', () => box.remove(), { once: true });
  });
}

/** Calls back after each successful submission of a form of that resource (task, process-definition). */
function afterSubmission(camAPI, resource, callback) {
  const resources = camAPI.resource(resource);
  const submitForm = resources.submitForm;
  resources.submitForm = function (params, done) {
    return submitForm.call(this, params, function (error, result) {
      if (!error) {
        callback(result);
      } else {
        showRefusalsNextToFields(error);
      }
      if (typeof done === 'function') {
        return done.apply(this, arguments);
      }
      return undefined;
    });
  };
}

function clearErrorsOnSuccess(camAPI, notifications, $rootScope) {
  const clear = () => {
    // The refusals shown before are about a form that has now gone through.
    notifications.clear({ type: 'danger' });
    $rootScope.$applyAsync();
  };
  afterSubmission(camAPI, 'task', clear);
  afterSubmission(camAPI, 'process-definition', clear);
}

function announceIdeaReference(camAPI, notifications, $rootScope) {
  afterSubmission(camAPI, 'process-definition', (instance) => {
    if (instance && REFERENCE.test(instance.businessKey || '')
        && String(instance.definitionId || '').startsWith(IDEA_PROCESS_KEY + ':')) {
      const reference = instance.businessKey;
      announced.add(reference);
      // Tasklist shows a toast's message as text: the link is put on the reference once shown.
      // After the start dialog has closed: a toast added while it is open goes to the dialog's
      // own notifications, and closes with it.
      afterDialogCloses(() => notifications.addMessage({
        status: french() ? 'Votre idée est déposée' : 'Your idea is submitted',
        message: (french() ? 'sa référence est ' : 'its reference is ') + reference
          + (french() ? ', à rappeler pour toute question\u00a0; sa page dans la boîte à idées montre où elle en est.'
            : '; its page in the idea box shows where it stands.')
      }));
    }
  });
}

/** Runs once no dialog is open (checked every 100 ms, for 10 s at most). */
function afterDialogCloses(action, attempts = 100) {
  if (!document.querySelector('.modal-dialog') || attempts === 0) {
    action();
    window.angular.element(document.body).injector().get('$rootScope').$applyAsync();
  } else {
    setTimeout(() => afterDialogCloses(action, attempts - 1), 100);
  }
}

/** References announced in a toast, whose text gets a link to the idea's page. */
const announced = new Set();

function linkAnnouncedReferences() {
  document.querySelectorAll('.notifications .message').forEach((message) => {
    if (message.querySelector('a.construisons-idea-reference')) {
      return;
    }
    for (const node of Array.from(message.childNodes)) {
      const reference = node.nodeType === Node.TEXT_NODE
        && Array.from(announced).find((r) => node.data.includes(r));
      if (reference) {
        const at = node.data.indexOf(reference);
        const link = document.createElement('a');
        link.className = 'construisons-idea-reference';
        link.href = `${contextPath}/idees/${reference}`;
        link.textContent = reference;
        const rest = node.splitText(at);
        rest.data = rest.data.substring(reference.length);
        message.insertBefore(link, rest);
        return;
      }
    }
  });
}

/** The toast of a form refused in the browser goes once its fields are all right. */
function clearIncompleteFormToast(notifications, $rootScope) {
  const shown = notifications.notifications;
  const stale = shown.filter((n) => n.construisonsIncompleteForm);
  if (stale.length && !fieldsInError().length) {
    stale.forEach((n) => notifications.clear(n));
    $rootScope.$applyAsync();
  }
}

function createTaskOnlyForThoseAllowed(camAPI, $rootScope) {
  const allowed = new Map();
  const check = () => {
    const user = $rootScope.authentication && $rootScope.authentication.name;
    document.querySelectorAll('li.create-task-action').forEach((item) => {
      if (!user || item.dataset.construisonsCheckedFor === user) {
        return;
      }
      item.dataset.construisonsCheckedFor = user;
      item.classList.remove('construisons-allowed');
      if (!allowed.has(user)) {
        allowed.set(user, camAPI.resource('authorization')
          .check({ permissionName: 'CREATE', resourceName: 'task', resourceType: TASK_RESOURCE_TYPE })
          .then((answer) => answer && answer.authorized === true, () => false));
      }
      allowed.get(user).then((yes) => {
        if (yes && item.dataset.construisonsCheckedFor === user) {
          item.classList.add('construisons-allowed');
        }
      });
    });
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  check();
}

whenAngularReady((injector) => {
  const notifications = injector.get('Notifications');
  const camAPI = injector.get('camAPI');
  const $rootScope = injector.get('$rootScope');
  oneErrorAtATime(notifications);
  clearErrorsOnSuccess(camAPI, notifications, $rootScope);
  announceIdeaReference(camAPI, notifications, $rootScope);
  createTaskOnlyForThoseAllowed(camAPI, $rootScope);
  new MutationObserver(() => {
    linkAnnouncedReferences();
    clearIncompleteFormToast(notifications, $rootScope);
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['class'] });
});

export default [];
