/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // Construisons!: the header and the browser tab read "Département Construisons!".
  app: {
    name: 'Construisons!',
    vendor: 'Département'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Construisons!: French first (locales/fr.json is ours), English kept for agents whose browser asks for it.
  locales: {
    availableLocales: ['fr', 'en'],
    fallbackLocale: 'fr'
  },
  // Construisons!: sets <html lang> to the language shown (the shipped index.html says "en"),
  // adds a "Boîte à idées" link to the header (scripts/idea-box-link.js), puts Camunda Forms
  // (form-js) in French (scripts/camunda-forms-fr.js) and has Tasklist say what happened and what
  // to do next (scripts/tasklist-guidance.js); docs/tasklist.md describes them.
  customScripts: ['scripts/html-lang', 'scripts/idea-box-link', 'scripts/camunda-forms-fr',
    'scripts/tasklist-guidance'],
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Construisons!: same shortcuts as shipped; descriptions (shown as is in the
  // "Raccourcis clavier" dialog, not translated by the app) written in French.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      // The words of the claim button (CLAIM_TASK, « M'attribuer »): « Prendre en charge » is
      // the name of a task of ours (« Prendre en charge l'idée »).
      description: 'm\u2019attribuer la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'aller au premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'aller à la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'aller au premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvrir la fenêtre « Démarrer un processus »'
    }
  }
};
