/*
 * "Déposer une idée": shows existing ideas close to the one being typed, so that a duplicate is
 * caught before it is filed. The page works without this script (the server shows the similar
 * ideas after a refused submission); a static file because the pages' CSP allows no inline script.
 */
(function () {
  'use strict';

  var DELAY_MS = 400;
  var region = document.getElementById('idees-similaires');
  var title = document.getElementById('title');
  var problem = document.getElementById('problem');

  // A refused submission: move the focus to the error summary, which is read out first.
  var summary = document.getElementById('erreurs');
  if (summary) {
    summary.focus();
  }

  if (!region || !title || !problem || !window.fetch) {
    return;
  }

  var timer = null;
  var pending = null;
  var lastQuery = null;
  var lastShown = null;

  function render(ideas) {
    // Only a changed list is written: the live region then speaks only when there is news.
    var key = ideas.map(function (idea) { return idea.reference; }).join(' ');
    if (key === lastShown) {
      return;
    }
    lastShown = key;
    while (region.firstChild) {
      region.removeChild(region.firstChild);
    }
    if (ideas.length === 0) {
      return;
    }
    // Built with DOM nodes and textContent: an idea's title is shown as text, never as markup.
    var box = document.createElement('div');
    box.className = 'similar';
    var intro = document.createElement('p');
    intro.textContent = ideas.length === 1
      ? 'Une idée proche a déjà été déposée : vérifiez que la vôtre n\'en est pas un doublon. Vous pouvez aussi la soutenir.'
      : ideas.length + ' idées proches ont déjà été déposées : vérifiez que la vôtre n\'en est pas un doublon. Vous pouvez aussi soutenir l\'une d\'elles.';
    box.appendChild(intro);
    var list = document.createElement('ul');
    ideas.forEach(function (idea) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = idea.url;
      link.textContent = idea.title;
      item.appendChild(link);
      item.appendChild(document.createTextNode(' — '));
      var reference = document.createElement('span');
      reference.className = 'reference';
      reference.textContent = idea.reference;
      item.appendChild(reference);
      item.appendChild(document.createTextNode(', '));
      var stage = document.createElement('span');
      stage.className = 'stage';
      stage.textContent = idea.stageLabel;
      item.appendChild(stage);
      list.appendChild(item);
    });
    box.appendChild(list);
    region.appendChild(box);
  }

  function lookUp() {
    var query = 'titre=' + encodeURIComponent(title.value) + '&probleme=' + encodeURIComponent(problem.value);
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    if (title.value.trim().length < 3 && problem.value.trim().length < 3) {
      render([]);
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(region.getAttribute('data-source') + '?' + query, {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      signal: pending.signal
    }).then(function (response) {
      // Signed out meanwhile (a redirect to the login page): say nothing rather than guess.
      var type = response.headers.get('Content-Type') || '';
      if (!response.ok || type.indexOf('application/json') !== 0) {
        return null;
      }
      return response.json();
    }).then(function (body) {
      if (body && Array.isArray(body.ideas)) {
        render(body.ideas);
      }
    }).catch(function (error) {
      if (error.name !== 'AbortError') {
        lastQuery = null;
      }
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookUp, DELAY_MS);
  }

  title.addEventListener('input', schedule);
  problem.addEventListener('input', schedule);
}());
