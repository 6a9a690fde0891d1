// The picture on "My web of trust": draws #trust-picture with cytoscape from its data-graph (the same people and
// statements as the tables beside it), and when a person is selected, in the picture or in the table, adds whom they
// trust from data-source (GET /api/v1/trust/neighbourhood?around=&topic=) to the picture and to both tables.
// The CSP allows no inline script or style: the data comes in data- attributes, cytoscape is loaded as a file, only
// on a page that has a picture, and its one injected <style> element is pre-empted (see preemptStylesheet).

const library = '/lib/cytoscape/cytoscape.min.js';
const steps = [-1, 0.25, 0.6, 1]; // TrustLevel.Steps: a value between them reads "about <nearest>", as on the server
let loading;
let current = null; // the picture drawn on this page, and its cytoscape instance

function loadCytoscape() {
  loading ??= new Promise((resolve, reject) => {
    if (window.cytoscape) {
      resolve(window.cytoscape);
      return;
    }
    const script = document.createElement('script');
    script.src = library;
    script.onload = () => resolve(window.cytoscape);
    script.onerror = () => reject(new Error(`${library} did not load`));
    document.head.appendChild(script);
  });
  return loading;
}

// cytoscape adds <style id="__________cytoscape_stylesheet"> with one rule (its container class is position: relative)
// unless an element with that id exists. The CSP would refuse it; app.css holds the rule instead.
function preemptStylesheet() {
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    const marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    marker.name = 'cytoscape-stylesheet';
    marker.content = 'app.css';
    document.head.appendChild(marker);
  }
}

const edgeKey = statement => `${statement.from}>${statement.to}>${statement.topic ?? ''}`;

function levelText(statement) {
  const number = statement.value.toFixed(2);
  return steps.some(step => Math.abs(step - statement.value) < 1e-6) ? `${statement.level} (${number})` : `about ${statement.level} (${number})`;
}

function topicText(statement, topic) {
  if (statement.topic) return statement.topic;
  return topic ? `in general, not ${topic}` : 'in general';
}

function colours() {
  const css = getComputedStyle(document.documentElement);
  const value = name => css.getPropertyValue(name).trim();
  return {
    ink: value('--ink'), accent: value('--accent'), accentSoft: value('--accent-soft'), warm: value('--warm'),
    danger: value('--danger'), line: value('--control-line'), surface: value('--surface'),
  };
}

function styles(c) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': c.accentSoft, 'border-color': c.accent, 'border-width': 2, label: 'data(label)', color: c.ink,
        'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 110, width: 26, height: 26,
      },
    },
    { selector: 'node.viewer', style: { 'background-color': c.warm, 'border-color': c.warm, width: 34, height: 34 } },
    { selector: 'node.expanded', style: { 'border-width': 4 } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(strength, 0, 1, 1, 5)', 'line-color': c.accent, 'target-arrow-color': c.accent, 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', opacity: 0.8,
      },
    },
    { selector: 'edge.fallback', style: { 'line-style': 'dotted' } },
    { selector: 'edge.distrust', style: { 'line-color': c.danger, 'target-arrow-color': c.danger, 'line-style': 'dashed' } },
  ];
}

function elementsOf(graph, cy, topic) {
  const nodes = graph.people
    .filter(person => !cy || cy.getElementById(person.handle).empty())
    .map(person => ({ group: 'nodes', data: { id: person.handle, label: person.displayName } }));
  const edges = graph.statements
    .filter(statement => !cy || cy.getElementById(edgeKey(statement)).empty())
    .map(statement => ({
      group: 'edges',
      data: { id: edgeKey(statement), source: statement.from, target: statement.to, strength: Math.abs(statement.value) },
      classes: [statement.value < 0 ? 'distrust' : '', !statement.topic && topic ? 'fallback' : ''].filter(Boolean),
    }));
  return { nodes, edges };
}

function link(handle, text) {
  const a = document.createElement('a');
  a.href = `/people/${encodeURIComponent(handle)}`;
  a.textContent = text;
  return a;
}

function cell(label, ...content) {
  const td = document.createElement('td');
  if (label) td.dataset.label = label;
  td.append(...content);
  return td;
}

function expandLink(person) {
  const url = new URL(window.location.href);
  url.searchParams.append('expand', person.handle);
  url.hash = 'picture';
  const a = document.createElement('a');
  a.href = url.pathname + url.search + url.hash;
  a.dataset.expand = person.handle;
  a.dataset.enhanceNav = 'false';
  a.setAttribute('aria-label', `Add whom ${person.displayName} trusts`);
  a.textContent = 'Add whom they trust';
  return a;
}

function addRows(graph, names, topic) {
  const people = document.querySelector('#trust-picture-people tbody');
  for (const person of graph.people) {
    if (people.querySelector(`tr[data-handle="${CSS.escape(person.handle)}"]`)) continue;
    const row = document.createElement('tr');
    row.dataset.handle = person.handle;
    const handle = document.createElement('span');
    handle.className = 'handle';
    handle.textContent = `@${person.handle}`;
    row.append(cell('Person', link(person.handle, person.displayName), ' ', handle));
    const actions = cell(null, expandLink(person));
    actions.className = 'actions-cell';
    row.append(actions);
    people.append(row);
  }

  const statements = document.querySelector('#trust-picture-statements tbody');
  for (const statement of graph.statements) {
    const key = edgeKey(statement);
    if ([...statements.rows].some(row => row.dataset.edge === key)) continue;
    const row = document.createElement('tr');
    row.dataset.edge = key;
    row.append(
      cell('Who', link(statement.from, names.get(statement.from) ?? statement.from)),
      cell('Trusts', link(statement.to, names.get(statement.to) ?? statement.to)),
      cell('How much', levelText(statement)),
      cell('On', topicText(statement, topic)));
    statements.append(row);
  }
}

function markShown(handle) {
  const row = document.querySelector(`#trust-picture-people tr[data-handle="${CSS.escape(handle)}"]`);
  const action = row?.querySelector('.actions-cell');
  if (action) {
    const shown = document.createElement('span');
    shown.className = 'muted';
    shown.textContent = 'Shown';
    action.replaceChildren(shown);
  }
}

function plural(count, one, many) {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

async function expand(picture, cy, handle) {
  const node = cy.getElementById(handle);
  if (node.empty() || node.hasClass('expanded') || node.hasClass('loading')) return;
  const status = document.getElementById('trust-picture-status');
  const name = node.data('label');
  const topic = picture.dataset.topic || null;
  node.addClass('loading');
  try {
    const url = new URL(picture.dataset.source, window.location.origin);
    url.searchParams.set('around', handle);
    if (topic) url.searchParams.set('topic', topic);
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${response.status}`);
    const graph = await response.json();

    const { nodes, edges } = elementsOf(graph, cy, topic);
    const at = node.position();
    nodes.forEach((added, i) => {
      added.position = { x: at.x + 90 * Math.cos((2 * Math.PI * i) / nodes.length), y: at.y + 90 * Math.sin((2 * Math.PI * i) / nodes.length) };
    });
    cy.add([...nodes, ...edges]);
    node.addClass('expanded');
    cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, padding: 24 }).run();

    const names = new Map(cy.nodes().map(n => [n.id(), n.data('label')]));
    addRows(graph, names, topic);
    markShown(handle);
    status.textContent = `Added ${plural(nodes.length, 'person', 'people')} and ${plural(edges.length, 'statement', 'statements')} from whom ${name} trusts. ` +
      `${plural(cy.nodes().length, 'person', 'people')}, ${plural(cy.edges().length, 'statement', 'statements')}.`;
  } catch {
    status.textContent = `Could not add whom ${name} trusts. Try again.`;
  } finally {
    node.removeClass('loading');
  }
}

async function draw(picture) {
  picture.dataset.drawn = 'true';
  const graph = JSON.parse(picture.dataset.graph);
  const topic = picture.dataset.topic || null;
  const cytoscape = await loadCytoscape();
  preemptStylesheet();
  picture.querySelector('.trust-picture-fallback')?.remove();

  const { nodes, edges } = elementsOf(graph, null, topic);
  const cy = cytoscape({
    container: picture,
    elements: [...nodes, ...edges],
    style: styles(colours()),
    layout: { name: 'cose', animate: false, fit: true, padding: 24 },
    boxSelectionEnabled: false,
    maxZoom: 1.5, // a small picture is not blown up to fill the frame
    minZoom: 0.2,
  });
  cy.getElementById(picture.dataset.viewer).addClass('viewer');
  // People whose statements are already in (the viewer, and any the address asked for) have no "add" link left.
  document.querySelectorAll('#trust-picture-people tr[data-handle]').forEach(row => {
    if (!row.querySelector('a[data-expand]')) cy.getElementById(row.dataset.handle).addClass('expanded');
  });
  cy.on('tap', 'node', event => expand(picture, cy, event.target.id()));
  current = { picture, cy };
}

function start() {
  const picture = document.getElementById('trust-picture');
  if (picture && picture.dataset.drawn !== 'true') {
    draw(picture).catch(() => {
      const status = document.getElementById('trust-picture-status');
      if (status) status.textContent = 'The picture could not be drawn; the tables list the same people and statements.';
    });
  }
}

// The table's "add whom they trust" links work without JavaScript (the server adds them); with it, they add in place.
// Capture phase, and data-enhance-nav="false" on the links, so neither the browser nor Blazor navigates.
document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target.closest('#trust-picture-people a[data-expand]') : null;
  if (target && current && document.body.contains(current.picture)) {
    event.preventDefault();
    expand(current.picture, current.cy, target.dataset.expand);
  }
}, true);

start();
window.Blazor?.addEventListener?.('enhancedload', start);
