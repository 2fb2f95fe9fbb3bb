/*
 * Construisons!: a "Boîte à idées" link in Tasklist's header, next to "Démarrer un processus", so
 * agents go from their tasks to the shared idea box (and "Déposer une idée") in one click. A
 * plugin of the header's action point, loaded as a custom script by config.js.
 */
const base = document.querySelector('base');
// The web apps live under <context>/camunda (app-root); the idea box is at <context>/idees.
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const contextPath = appRoot.substring(0, appRoot.lastIndexOf('/'));

export default [
  {
    id: 'construisons-idea-box-link',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: (node) => {
      const link = document.createElement('a');
      link.href = contextPath + '/idees';
      link.className = 'construisons-idea-box-link';
      link.textContent = 'Boîte à idées';
      node.appendChild(link);
    }
  }
];
