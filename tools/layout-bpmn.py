#!/usr/bin/env python3
"""Lays out a BPMN model of the project: a pool with one lane per actor, left to right in the order
of the flow, and writes a fresh diagram interchange (DI) for it.

    python3 tools/layout-bpmn.py processes/idea-lifecycle.bpmn [more.bpmn ...]

Why a tool: the two big models are edited by several people (developers in pull requests, process
owners in Camunda Modeler); re-laying them out by hand after each change is how labels end up over
lines and flows run back across the diagram. The semantic part of the model (what the engine
runs) is kept as it is, except the pool (collaboration, participant) and the lanes, which the tool
creates or keeps: an element already in a lane stays in it, so moving an element to another lane
in the Modeler is respected at the next run; a new element goes to the lane its task's candidate
says (the `LANES` rules below) or, for an automatic step, to the lane of the step before it.
DiagramLayoutTest checks the result (and any hand-made change) in CI.

Layout: columns by longest path from the start (loops ignored), rows within a lane so that a flow
runs straight when it can, expanded sub-processes drawn around their content, boundary events on
the bottom border of their task with their path in the row below, labels beside their shape or
their line, never over one.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

NS = {
    'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'di': 'http://www.omg.org/spec/DD/20100524/DI',
    'camunda': 'http://camunda.org/schema/1.0/bpmn',
    'xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'modeler': 'http://camunda.org/schema/modeler/1.0',
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)


def q(tag):
    prefix, local = tag.split(':')
    return '{%s}%s' % (NS[prefix], local)


# Who acts, per process: the pool's name, the lanes from top to bottom, and how a user task's
# candidate names its lane. The first lane holds the start.
LANES = {
    'idea-lifecycle': {
        'pool': ('Participant_IdeaLifecycle', "Cycle de vie d'une idée Construisons!"),
        'lanes': [
            ('Lane_Ideator', 'Agent-idéateur'),
            ('Lane_InnovationTeam', 'Équipe Construisons!'),
            ('Lane_GeneralManagement', 'Direction générale'),
            ('Lane_Directorates', 'Directions concernées'),
        ],
        'candidates': [
            ('assignee', '${ideator}', 'Lane_Ideator'),
            ('candidateGroups', 'equipe-construisons', 'Lane_InnovationTeam'),
            ('candidateGroups', 'direction-generale', 'Lane_GeneralManagement'),
            ('candidateGroups', 'dir-', 'Lane_Directorates'),
        ],
        # Drawn as one step, its content on a plane of its own (drill-down in the Modeler and Cockpit).
        'collapsed': ['SubProcess_DirectorateTakeUp'],
        # Where the candidate rules above would not say it best.
        'lane_overrides': {
            # The mail that tells the ideator her idea goes to general management's review opens the
            # review: with it, the line runs straight on in general management's lane.
            'Task_AnnounceReview': 'Lane_GeneralManagement',
        },
    },
    'personal-data-request': {
        'pool': ('Participant_PersonalDataRequest', 'Demande sur les données personnelles'),
        'lanes': [
            ('Lane_Requester', 'Agent qui fait la demande'),
            ('Lane_InnovationTeam', 'Équipe Construisons!'),
        ],
        'candidates': [
            ('candidateGroups', 'equipe-construisons', 'Lane_InnovationTeam'),
        ],
    },
    'incubation': {
        'pool': ('Participant_Incubation', "Incubation d'une idée Construisons!"),
        'lanes': [
            ('Lane_InnovationTeam', 'Équipe Construisons!'),
            ('Lane_LineManager', "Hiérarchie de l'agent"),
            ('Lane_Intrapreneur', 'Agent-intrapreneur'),
            ('Lane_Experts', 'Experts des volets'),
            ('Lane_GeneralManagement', 'Direction générale'),
            ('Lane_SponsorDirectorate', 'Direction porteuse'),
        ],
        'candidates': [
            ('assignee', '${lineManager}', 'Lane_LineManager'),
            ('assignee', '${ideator}', 'Lane_Intrapreneur'),
            ('assignee', '${incubationTeam.expertOf', 'Lane_Experts'),
            ('candidateGroups', 'equipe-construisons', 'Lane_InnovationTeam'),
            ('candidateGroups', 'direction-generale', 'Lane_GeneralManagement'),
            ('candidateGroups', 'dir-', 'Lane_SponsorDirectorate'),
        ],
        # The agreement with the line manager is a self-contained negotiation of its own; drawn as
        # one step (drill-down), it leaves the picture to the workstreams the scheme is known for.
        'collapsed': ['SubProcess_AgreeOnWorkingTime'],
    },
}

# Sizes, in diagram units (bpmn-js's pixels at 100 %).
SIZES = {'task': (100, 80), 'event': (36, 36), 'gateway': (50, 50)}
ROW = 110            # height of one row of a lane
GAP = 30             # between two columns
POOL_X, POOL_Y = 150, 80
POOL_LABEL = 30      # the pool's name band, then each lane's
LANE_LABEL = 30
LEFT_MARGIN = 40     # inside a lane, before the first column
SUB_PAD = 15         # around the content of an expanded sub-process
SUB_TOP = 30         # above it: the sub-process's name
LABEL_W = 90         # bpmn-js's width for an external label
LINE = 14            # one line of an 11 px label

TASKS = {'collapsedSubProcess', 'task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'scriptTask', 'businessRuleTask',
         'manualTask', 'callActivity'}
EVENTS = {'startEvent', 'endEvent', 'intermediateThrowEvent', 'intermediateCatchEvent', 'boundaryEvent'}
GATEWAYS = {'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway'}

WIDTHS = {}
_ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
_w = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
      667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
      611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
      556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
      278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
WIDTHS.update(dict(zip(_ascii, _w)))
WIDTHS.update({'\u00a0': 278, '\u202f': 278, '«': 556, '»': 556, '’': 222, '…': 1000, '—': 1000, '–': 556,
               'œ': 944, 'Œ': 1000})


def text_width(text, size=11):
    import unicodedata
    total = 0
    for c in text:
        w = WIDTHS.get(c)
        if w is None:
            w = WIDTHS.get(unicodedata.normalize('NFD', c)[0], 556)
        total += w
    return total * size / 1000.0


def words(name):
    out = []
    for spaced in name.split():
        part = ''
        for c in spaced:
            part += c
            if c == '-':
                out.append(part)
                part = ''
        if part:
            out.append(part)
    return out


def wrap(name, width, size=11):
    """The lines bpmn-js draws a name in, at most width wide (a word never cut: width grows)."""
    width = max([width] + [text_width(w, size) + 2 for w in words(name)])
    lines, line = [], ''
    for w in words(name):
        candidate = w if not line else (line + w if line.endswith('-') else line + ' ' + w)
        if line and text_width(candidate, size) > width:
            lines.append(line)
            line = w
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines, width


def label_box(name, width):
    lines, width = wrap(name, width)
    return max(text_width(l) for l in lines) + 4, len(lines) * LINE


class Node:
    def __init__(self, el, parent):
        self.el = el
        self.id = el.get('id')
        self.kind = el.tag.split('}')[1]
        self.name = el.get('name') or ''
        self.parent = parent        # the sub-process holding it, or None
        self.col = None
        self.lane = None
        self.row = None
        self.candidate = None
        self.bottom_lane = None
        self.x = self.y = self.w = self.h = 0

    @property
    def shape(self):
        if self.kind in TASKS:
            return 'task'
        if self.kind in EVENTS:
            return 'event'
        if self.kind in GATEWAYS:
            return 'gateway'
        if self.kind == 'subProcess':
            return 'sub'
        return 'task'

    def cx(self):
        return self.x + self.w / 2

    def cy(self):
        return self.y + self.h / 2


def f_not_back(layout, p, n):
    return all(f['id'] not in layout.back for f in layout.by_source[p.id] if f['target'] == n.id)


class Layout:
    def __init__(self, path, container=None, config=None):
        self.path = path
        if container is None:
            self.tree = ET.parse(path)
            self.root = self.tree.getroot()
            self.process = self.root.find('bpmn:process', NS)
            self.config = LANES[self.process.get('id')]
            self.container = self.process
            self.x0 = POOL_X + POOL_LABEL + LANE_LABEL + LEFT_MARGIN
        else:
            # The content of a collapsed sub-process, on its own plane (the Modeler's and Cockpit's
            # drill-down): no pool, the lanes of the actors who work inside it.
            self.container = container
            self.config = config
            self.x0 = POOL_X + LANE_LABEL + LEFT_MARGIN
        self.collapsed = set(self.config.get('collapsed', []))
        self.nodes = {}
        self.flows = []
        self.children = defaultdict(list)
        self.collect(self.container, None)
        self.by_source = defaultdict(list)
        self.by_target = defaultdict(list)
        for f in self.flows:
            self.by_source[f['source']].append(f)
            self.by_target[f['target']].append(f)
        self.boundaries = defaultdict(list)
        for n in self.nodes.values():
            if n.kind == 'boundaryEvent':
                self.boundaries[n.el.get('attachedToRef')].append(n)

    def collect(self, container, parent):
        for el in container:
            tag = el.tag.split('}')[1]
            if tag == 'sequenceFlow':
                self.flows.append({'id': el.get('id'), 'source': el.get('sourceRef'), 'target': el.get('targetRef'),
                                   'name': el.get('name') or '', 'el': el})
            elif tag in TASKS | EVENTS | GATEWAYS | {'subProcess'}:
                node = Node(el, parent)
                self.nodes[node.id] = node
                self.children[parent.id if parent else None].append(node)
                if tag == 'subProcess' and node.id in self.collapsed:
                    node.kind = 'collapsedSubProcess'
                elif tag == 'subProcess':
                    self.collect(el, node)

    # --- lanes -------------------------------------------------------------------------------------

    def existing_lanes(self):
        lanes = {}
        lane_set = self.container.find('bpmn:laneSet', NS)
        if lane_set is not None:
            for lane in lane_set.findall('bpmn:lane', NS):
                for ref in lane.findall('bpmn:flowNodeRef', NS):
                    lanes[ref.text] = lane.get('id')
        return lanes

    def lane_of(self, n):
        """A sub-process reads as the lane of its start."""
        if n.kind == 'subProcess':
            starts = [c for c in self.children[n.id] if c.kind == 'startEvent']
            return self.lane_of(starts[0]) if starts else n.lane
        return n.lane

    def candidate_lane(self, node):
        if node.id in self.config.get('lane_overrides', {}):
            return self.config['lane_overrides'][node.id]
        if node.kind == 'collapsedSubProcess':
            # Drawn as one step: the lane of who works inside it.
            for inner in node.el.iter(q('bpmn:userTask')):
                lane = self.candidate_lane(Node(inner, None))
                if lane:
                    return lane
            return None
        if node.kind != 'userTask':
            return None
        for attribute, value, lane in self.config['candidates']:
            held = node.el.get(q('camunda:' + attribute)) or ''
            if held.startswith(value) or value in held.split(','):
                return lane
        return None

    def assign_lanes(self, order):
        """A user task in its candidate's lane; a start or a merging gateway in the lane of the step
        it leads to; any other automatic step in the lane of the step before it (the mail after a
        decision belongs to who decided)."""
        kept = self.existing_lanes()
        first = self.config['lanes'][0][0]
        for n in order:
            if n.id in kept and n.kind != 'subProcess':
                n.lane = kept[n.id]
            else:
                n.lane = self.candidate_lane(n)
            n.candidate = n.lane

        def forward_lane(n, seen):
            if n.lane:
                return n.lane
            if n.id in seen:
                return None
            seen.add(n.id)
            for f in self.by_source[n.id]:
                t = self.nodes[f['target']]
                for entry in self.entries(t.id):
                    lane = forward_lane(self.nodes[entry], seen)
                    if lane:
                        return lane
            return None

        for n in order:
            if n.lane:
                continue
            if n.kind == 'startEvent' and n.parent is None:
                n.lane = first
                continue
            leads = n.kind == 'startEvent' or (n.shape == 'gateway' and len(self.by_target[n.id]) > 1)
            if n.kind == 'boundaryEvent':
                host = self.nodes[n.el.get('attachedToRef')]
                n.lane = host.bottom_lane if host.kind == 'subProcess' else host.lane
                continue
            lane = forward_lane(n, set()) if leads else None
            if lane is None:
                preds = [self.nodes[f['source']] for f in self.by_target[n.id] if f['source'] in self.nodes]
                preds = [p for p in preds if self.lane_of(p) and f_not_back(self, p, n)]
                if preds:
                    lane = self.lane_of(preds[0])
            if lane is None:
                lane = forward_lane(n, set()) or (n.parent.lane if n.parent is not None and n.parent.lane else first)
            n.lane = lane

    # --- columns -------------------------------------------------------------------------------

    def entries(self, nid):
        """Where a flow into nid arrives, for the layering: a sub-process is entered at its start."""
        n = self.nodes[nid]
        if n.kind == 'subProcess':
            return [x for c in self.children[nid] if c.kind == 'startEvent' for x in self.entries(c.id)]
        return [nid]

    def exits(self, nid):
        n = self.nodes[nid]
        if n.kind == 'subProcess':
            return [x for c in self.children[nid] if c.kind == 'endEvent' for x in self.exits(c.id)]
        return [nid]

    def layering_edges(self):
        edges = []
        for f in self.flows:
            for s in self.exits(f['source']):
                for t in self.entries(f['target']):
                    edges.append((s, t, f, 1))
        for host, events in self.boundaries.items():
            for b in events:
                if self.nodes[host].kind == 'subProcess':
                    # On the sub-process's bottom border, at its right end.
                    for s in self.exits(host):
                        edges.append((s, b.id, None, 0))
                else:
                    edges.append((host, b.id, None, 0))
        return edges

    def columns(self):
        edges = self.layering_edges()
        succ = defaultdict(list)
        for s, t, f, w in edges:
            succ[s].append((t, f, w))
        leaves = [n for n in self.nodes.values() if n.kind != 'subProcess']
        starts = [n.id for n in leaves if n.kind == 'startEvent' and n.parent is None]
        self.back = set()
        state, order = {}, []

        def visit(nid):
            state[nid] = 'open'
            for t, f, w in succ[nid]:
                if state.get(t) == 'open':
                    if f is not None:
                        self.back.add(f['id'])
                elif t not in state:
                    visit(t)
            state[nid] = 'done'
            order.append(nid)

        sys.setrecursionlimit(10000)
        for s in starts:
            visit(s)
        for n in leaves:
            if n.id not in state:
                visit(n.id)
        order.reverse()
        self.order = [self.nodes[nid] for nid in order]
        self.succ = succ

    def folded(self, b):
        """A mail (or other automatic step) right after a task, alone on its path, hangs below that
        task in the same column: the diagram stays as wide as its human steps."""
        if b.kind not in ('sendTask', 'serviceTask') or len(self.by_target[b.id]) != 1 or len(self.by_source[b.id]) != 1:
            return None
        flow = self.by_target[b.id][0]
        if flow['id'] in self.back:
            return None
        a = self.nodes.get(flow['source'])
        # Only under a step that does something (a person's task, a computation), never under
        # another mail: a chain of mails reads left to right.
        if a is None or a.kind not in ('userTask', 'serviceTask', 'businessRuleTask') or len(self.by_source[a.id]) != 1:
            return None
        if a.lane != b.lane or a.parent is not b.parent or self.boundaries.get(a.id) or self.folded(a) is not None:
            return None
        return a

    def place_columns(self):
        col = {n.id: 0 for n in self.order}
        for n in self.order:
            for t, f, w in self.succ[n.id]:
                if f is not None and f['id'] in self.back:
                    continue
                weight = 0 if self.folded(self.nodes[t]) is n else w
                if n.kind == 'boundaryEvent' and self.nodes[n.el.get('attachedToRef')].kind != 'subProcess':
                    # One column clear after the task: the gateway that usually follows it keeps the
                    # cells below it for its branches.
                    weight = 2
                col[t] = max(col[t], col[n.id] + weight)
        for n in self.nodes.values():
            if n.kind == 'boundaryEvent' and self.nodes[n.el.get('attachedToRef')].kind != 'subProcess':
                col[n.id] = col[n.el.get('attachedToRef')]
        for n in self.nodes.values():
            b = self.under_boundary(n)
            if b is not None:
                col[n.id] = col[b.el.get('attachedToRef')]
        for n in self.nodes.values():
            if self.is_link_catch(n):
                # Where a loop comes back (the other end of a link): just before what it leads to.
                col[n.id] = max(0, min(col[f['target']] for f in self.by_source[n.id]) - 1)
        for nid, c in col.items():
            self.nodes[nid].col = c

    def under_boundary(self, n):
        """An end event right after a task's boundary event (a reminder or escalation that only
        sends its mail): drawn just below the boundary event, in the row under the task."""
        if n.kind != 'endEvent' or len(self.by_target[n.id]) != 1:
            return None
        b = self.nodes.get(self.by_target[n.id][0]['source'])
        if b is None or b.kind != 'boundaryEvent' or len(self.by_source[b.id]) != 1:
            return None
        host = self.nodes[b.el.get('attachedToRef')]
        return b if host.kind != 'subProcess' else None

    def is_link_catch(self, n):
        return n.kind == 'intermediateCatchEvent' and not self.by_target[n.id] \
            and n.el.find('bpmn:linkEventDefinition', NS) is not None

    # --- rows ------------------------------------------------------------------------------------

    def rows(self):
        taken = {}        # (lane, col, row) -> what is there: a node, or a line passing through
        def free(lane, c, r):
            return (lane, c, r) not in taken

        def take(lane, c, r, what):
            taken[(lane, c, r)] = what

        index = {n.id: k for k, n in enumerate(self.order)}
        # Column by column; in a column, gateways first, so that the cell below a gateway that
        # splits is kept for its branches' line before anything else could take it.
        placing = sorted(self.order, key=lambda n: (n.col, self.folded(n) is not None, n.shape != 'gateway',
                                                    index[n.id]))
        placing = [n for n in placing if not self.is_link_catch(n)] + [n for n in placing if self.is_link_catch(n)]
        for n in placing:
            if n.kind == 'boundaryEvent':
                continue
            hanging = self.under_boundary(n)
            if hanging is not None:
                host = self.nodes[hanging.el.get('attachedToRef')]
                n.lane, n.row = host.lane, (host.row or 0) + 1
                if free(n.lane, n.col, n.row):
                    take(n.lane, n.col, n.row, n.id)
                continue
            if self.is_link_catch(n):
                target = self.nodes[self.by_source[n.id][0]['target']]
                target = self.nodes[self.entries(target.id)[0]] if target.kind == 'subProcess' else target
                n.lane = target.lane
                r = (target.row or 0) + 1
                while not free(n.lane, n.col, r):
                    r += 1
                n.row = r
                take(n.lane, n.col, r, n.id)
                continue
            preds = [(self.nodes[f['source']], f) for f in self.by_target[n.id]
                     if f['id'] not in self.back and f['source'] in self.nodes]
            boundary_preds = [p for p, f in preds if p.kind == 'boundaryEvent']
            preferred = 0
            straight_from = None
            if boundary_preds:
                b = boundary_preds[0]
                host = self.nodes[b.el.get('attachedToRef')]
                if host.kind == 'subProcess':
                    k = self.boundaries[host.id].index(b)
                    preferred = self.sub_bottom_row.get((host.id, n.lane), 0) + 1 + k
                else:
                    k = self.boundaries[host.id].index(b)
                    preferred = (host.row or 0) + 1 + k
                    # The boundary's line runs down through the cells below its task.
                    for r in range((host.row or 0) + 1, preferred + 1):
                        if free(host.lane, host.col, r):
                            take(host.lane, host.col, r, 'line:' + b.id)
            elif self.folded(n) is not None:
                preferred = self.folded(n).row + 1
            else:
                same = [p for p, f in preds if p.lane == n.lane and p.row is not None]
                if same:
                    p = same[0]
                    if self.folded(p) is not None:
                        # Back up to the row of the task whose mail it follows.
                        p = self.folded(p)
                        preferred = p.row
                    else:
                        preferred = p.row
                        straight_from = p
                elif preds and preds[0][0].kind == 'subProcess':
                    preferred = 0
            r = preferred
            while True:
                ok = free(n.lane, n.col, r)
                if ok and straight_from is not None and straight_from.row == r:
                    ok = all(free(n.lane, c, r) or taken[(n.lane, c, r)] == 'line:' + straight_from.id
                             for c in range(straight_from.col + 1, n.col))
                if ok:
                    break
                r += 1
            n.row = r
            take(n.lane, n.col, r, n.id)
            forward = [f for f in self.by_source[n.id] if f['id'] not in self.back]
            if n.shape == 'gateway' and len(forward) > 1 and free(n.lane, n.col, r + 1):
                take(n.lane, n.col, r + 1, 'line:' + n.id)
            if straight_from is not None and straight_from.row == r:
                for c in range(straight_from.col + 1, n.col):
                    take(n.lane, c, r, 'line:' + straight_from.id)
            if n.parent is not None:
                key = (n.parent.id, n.lane)
                self.sub_bottom_row[key] = max(self.sub_bottom_row.get(key, 0), r)
                p = n.parent.parent
                while p is not None:
                    self.sub_bottom_row[(p.id, n.lane)] = max(self.sub_bottom_row.get((p.id, n.lane), 0), r)
                    p = p.parent
        for n in self.nodes.values():
            if n.kind == 'boundaryEvent':
                n.row = self.nodes[n.el.get('attachedToRef')].row
        self.taken = taken

    # --- geometry --------------------------------------------------------------------------------

    def descendants(self, sub):
        out = []
        for c in self.children[sub.id]:
            out.append(c)
            if c.kind == 'subProcess':
                out.extend(self.descendants(c))
        return out

    def geometry(self):
        leaves = [n for n in self.nodes.values() if n.kind not in ('subProcess', 'boundaryEvent')]
        for n in self.nodes.values():
            n.w, n.h = SIZES.get(n.shape, (0, 0))
            if n.shape == 'task' and n.name:
                # A word longer than the box would be cut by bpmn-js: the box grows instead.
                longest = max(text_width(w, 12) for w in words(n.name))
                n.w = max(n.w, int(longest + 2 * 7 + 3))
                # At most four lines of 12 px in the box's 66 px of height: wider when longer.
                while len(wrap(n.name, n.w - 2 * 7, 12)[0]) > 4:
                    n.w += 10
        last = max(n.col for n in leaves)
        width = {c: 0 for c in range(last + 1)}
        for n in leaves:
            width[n.col] = max(width[n.col], n.w)
        before = defaultdict(int)
        after = defaultdict(int)
        subs = [n for n in self.nodes.values() if n.kind == 'subProcess']
        for s in subs:
            inner = [d for d in self.descendants(s) if d.kind not in ('subProcess', 'boundaryEvent')]
            s.min_col = min(d.col for d in inner)
            s.max_col = max(d.col for d in inner)
            before[s.min_col] += SUB_PAD + 10
            after[s.max_col] += SUB_PAD + 10
        gap = defaultdict(lambda: GAP)
        for n in leaves:
            if n.shape == 'gateway':
                for f in self.by_source[n.id]:
                    if f['name'] and f['id'] not in self.back:
                        # A branch's name is written in the gap after its gateway, above its line.
                        gap[n.col] = max(gap[n.col], label_box(f['name'], 80)[0] + 12)
        for host_id, events in self.boundaries.items():
            host = self.nodes[host_id]
            if host.kind != 'subProcess' and events and events[0].name and host.col is not None:
                # The rightmost boundary event's name is written on its right, past the task's
                # border: the gap after the task keeps it clear of the next column's lines.
                gap[host.col] = max(gap[host.col], label_box(events[0].name, 80)[0] - 14 + 12)
        lane_index = {l: k for k, (l, _) in enumerate(self.config['lanes'])}
        for n in leaves:
            if n.shape == 'gateway' and n.name:
                place = (lane_index[n.lane], n.row)
                around = [self.nodes[f['target']] for f in self.by_source[n.id]] + \
                         [self.nodes[f['source']] for f in self.by_target[n.id]]
                around = [a for a in around if a.lane in lane_index and a.row is not None]
                if any((lane_index[a.lane], a.row) < place for a in around) and \
                        any((lane_index[a.lane], a.row) > place for a in around) and n.col > 0:
                    # Lines leave above and below: its name goes to its upper left, in the gap.
                    gap[n.col - 1] = max(gap[n.col - 1], label_box(n.name, 60)[0] + 10)
        x = self.x0
        self.col_x = {}
        for c in range(last + 1):
            x += before[c]
            self.col_x[c] = x
            x += width[c] + (gap[c] if width[c] else 0) + after[c]
        self.right = x
        self.col_w = width
        lane_ids = [l for l, _ in self.config['lanes']]
        rows = {l: 1 for l in lane_ids}
        for n in self.nodes.values():
            if n.row is not None and n.lane in rows:
                rows[n.lane] = max(rows[n.lane], n.row + 1)
        for (lane, c, r) in self.taken:
            rows[lane] = max(rows[lane], r + 1)
        self.lane_y = {}
        pad_top = getattr(self, 'pad_top', defaultdict(int))
        pad_bottom = getattr(self, 'pad_bottom', defaultdict(int))
        y = POOL_Y
        for l in lane_ids:
            self.lane_y[l] = y
            y += pad_top[l] + rows[l] * ROW + pad_bottom[l]
        self.lane_h = {l: pad_top[l] + rows[l] * ROW + pad_bottom[l] for l in lane_ids}
        self.bottom = y
        for n in leaves:
            n.x = self.col_x[n.col] + (width[n.col] - n.w) / 2
            n.y = self.lane_y[n.lane] + pad_top[n.lane] + n.row * ROW + (ROW - n.h) / 2
        # Sub-processes around their content, the innermost first.
        for s in sorted(subs, key=lambda s: -len(self.ancestors(s))):
            inner = [d for d in self.children[s.id] if d.kind != 'boundaryEvent']
            extents = []
            for d in inner:
                x1, x2, y2 = d.x, d.x + d.w, d.y + d.h
                if d.shape == 'event' and d.name:
                    lw, lh = label_box(d.name, LABEL_W)
                    x1, x2, y2 = min(x1, d.cx() - lw / 2), max(x2, d.cx() + lw / 2), y2 + 5 + lh
                extents.append((x1, x2, y2))
            left = min(e[0] for e in extents) - SUB_PAD
            right = max(e[1] for e in extents) + SUB_PAD
            top = min(d.y for d in inner) - SUB_TOP
            # Its boundary events sit on its bottom border: clear of what is inside.
            bottom = max(e[2] for e in extents) + SUB_PAD + (20 if self.boundaries.get(s.id) else 0)
            s.x, s.y, s.w, s.h = left, top, right - left, bottom - top
        # Boundary events on their host's bottom border, right to left, clear of the task's icon.
        for host_id, events in self.boundaries.items():
            host = self.nodes[host_id]
            for k, b in enumerate(events):
                b.w, b.h = SIZES['event']
                if host.kind == 'subProcess':
                    # Room between two of them for the name of the right one, written on its left.
                    b.x = host.x + host.w - 40 - b.w / 2 - k * 110
                else:
                    b.x = host.x + host.w - 20 - b.w / 2 - k * 54
                b.y = host.y + host.h - b.h / 2

    def hang_under_boundaries(self):
        for n in self.nodes.values():
            b = self.under_boundary(n)
            if b is not None:
                n.x = b.cx() - n.w / 2

    def ancestors(self, n):
        out = []
        p = n.parent
        while p is not None:
            out.append(p)
            p = p.parent
        return out

    def event_label_height(self, n):
        if not n.name:
            return 0
        return 5 + label_box(n.name, LABEL_W)[1]

    # --- flows -------------------------------------------------------------------------------------

    def route(self, f):
        s, t = self.nodes[f['source']], self.nodes[f['target']]
        sy = s.cy()
        ty = t.cy()
        if t.kind == 'subProcess':
            start = [c for c in self.children[t.id] if c.kind == 'startEvent'][0]
            ty = start.cy()
        if s.kind == 'subProcess':
            ends = [c for c in self.children[s.id] if c.kind == 'endEvent']
            sy = min(ends, key=lambda e: abs(e.cy() - ty)).cy() if ends else s.cy()
            if not (s.y < ty < s.y + s.h) or True:
                sy = sy
        if s.kind == 'boundaryEvent' and self.under_boundary(t) is s:
            return [(s.cx(), s.y + s.h), (s.cx(), t.y)]
        if s.kind == 'boundaryEvent':
            return [(s.cx(), s.y + s.h), (s.cx(), ty), (t.x, ty)]
        if self.folded(t) is s:
            return [(s.cx(), s.y + s.h), (t.cx(), t.y)]
        candidates = []
        if f['id'] in self.back:
            for channel in (self.row_bottom(s) - 8, self.row_top(s) + 8, self.row_bottom(t) - 8):
                enter = t.y + t.h if channel > t.y + t.h else t.y
                leave = s.y + s.h if channel > s.y + s.h else s.y
                candidates.append([(s.cx(), leave), (s.cx(), channel), (t.cx(), channel), (t.cx(), enter)])
        else:
            if abs(sy - ty) < 1:
                candidates.append([(s.x + s.w, sy), (t.x, ty)])
            if s.shape == 'gateway':
                out = s.y + s.h if ty > sy else s.y
                candidates.append([(s.cx(), out), (s.cx(), ty), (t.x, ty)])
            if t.shape == 'gateway':
                into = t.y + t.h if sy > ty else t.y
                candidates.append([(s.x + s.w, sy), (t.cx(), sy), (t.cx(), into)])
            # Along the edge of a row, where no shape ever sits: around what is in the way.
            exit_x = s.x + s.w + GAP / 2
            enter_x = t.x - self.gap_before(t) / 2
            for yb in sorted(self.row_edges(), key=lambda y: (not (min(sy, ty) <= y <= max(sy, ty)), abs(y - sy))):
                if s.shape == 'gateway':
                    start = [(s.cx(), s.y + s.h if yb > sy else s.y), (s.cx(), yb)]
                else:
                    ex = self.free_x(exit_x, sy, yb)
                    start = [(s.x + s.w, sy), (ex, sy), (ex, yb)]
                ent = self.free_x(enter_x, yb, ty)
                candidates.append(start + [(ent, yb), (ent, ty), (t.x, ty)])
                if len(candidates) > 40:
                    break
            before = self.free_x(t.x - self.gap_before(t) / 2, sy, ty)
            candidates.append([(s.x + s.w, sy), (before, sy), (before, ty), (t.x, ty)])
            after = self.free_x(s.x + s.w + GAP / 2, sy, ty)
            candidates.append([(s.x + s.w, sy), (after, sy), (after, ty), (t.x, ty)])
        chosen = next((p for p in candidates if self.clear(p, {s.id, t.id}, f['id'])), None) \
            or next((p for p in candidates if self.clear(p, {s.id, t.id}, f['id'], zones=False)), candidates[0])
        for a, b in zip(chosen, chosen[1:]):
            if abs(a[0] - b[0]) < 0.5:
                self.verticals.append((a[0], min(a[1], b[1]), max(a[1], b[1])))
        return chosen

    def row_edges(self):
        edges = []
        for lane_id, _ in self.config['lanes']:
            rows = int((self.lane_h[lane_id] - self.pad_top[lane_id] - self.pad_bottom[lane_id]) / ROW)
            for r in range(1, rows):
                edges.append(self.lane_y[lane_id] + self.pad_top[lane_id] + r * ROW)
        return edges

    def free_x(self, x, y1, y2):
        """A vertical line's x where no other vertical line already runs over the same stretch:
        two lines on top of each other read as one."""
        low, high = min(y1, y2), max(y1, y2)
        for step in (0, 8, -8, 16, -16, 24, -24, 32, -32):
            vx_try = x + step
            if any(abs(vx - vx_try) < 4 and a < high and low < b for vx, a, b in self.verticals):
                continue
            if any(zx - 2 <= vx_try <= zx + zw + 2 and zy < high and low < zy + zh
                   for zx, zy, zw, zh in getattr(self, 'zones', {}).values()):
                continue
            return vx_try
        return x

    def clear(self, points, ends, flow=None, zones=True):
        """Whether a line runs through no shape but its own two ends (and their containers), and
        through no place kept for another flow's name."""
        for fid, zone in (self.zones.items() if zones else ()):
            if fid != flow and any(segment_crosses(a, b, zone) for a, b in zip(points, points[1:])):
                return False
        for n in self.nodes.values():
            if n.id in ends or n.kind == 'subProcess':
                continue
            box = (n.x + 1, n.y + 1, n.w - 2, n.h - 2)
            for a, b in zip(points, points[1:]):
                if segment_crosses(a, b, box):
                    return False
        return True

    def gap_before(self, t):
        if t.kind == 'subProcess':
            return GAP + SUB_PAD + 10
        c = t.col
        previous = [k for k in self.col_x if k < c]
        if not previous:
            return GAP
        return self.col_x[c] - self.col_x[max(previous)] - self.col_w[max(previous)]

    def row_top(self, n):
        if n.kind == 'subProcess':
            return n.y - 20
        return self.lane_y[n.lane] + self.pad_top[n.lane] + n.row * ROW

    def row_bottom(self, n):
        if n.kind == 'subProcess':
            return n.y + n.h + 20
        return self.lane_y[n.lane] + self.pad_top[n.lane] + (n.row + 1) * ROW

    # --- labels ---------------------------------------------------------------------------------------

    def labels(self):
        used = defaultdict(set)       # node id -> sides a flow uses: top, bottom
        for f, points in self.routes.items():
            flow = self.flow_by_id[f]
            s, t = self.nodes[flow['source']], self.nodes[flow['target']]
            if abs(points[0][1] - s.y) < 1:
                used[s.id].add('top')
            if abs(points[0][1] - (s.y + s.h)) < 1:
                used[s.id].add('bottom')
            if abs(points[-1][1] - t.y) < 1:
                used[t.id].add('top')
            if abs(points[-1][1] - (t.y + t.h)) < 1:
                used[t.id].add('bottom')
        self.node_labels = {}
        self.flow_labels = {}
        # Events first: their names have one place; a gateway's name then finds a free one.
        for n in sorted(self.nodes.values(), key=lambda n: n.shape == 'gateway'):
            if not n.name or n.shape not in ('event', 'gateway'):
                continue
            if n.kind == 'boundaryEvent':
                w, h = label_box(n.name, 80)
                host = self.nodes[n.el.get('attachedToRef')]
                k = self.boundaries[host.id].index(n)
                right, left = n.cx() + 6, n.cx() - 6 - w
                first = right if k == 0 and host.kind != 'subProcess' else left
                other = left if first == right else right
                candidates = [(lx, n.y + n.h + dy, w, h) for dy in (3, 18, 33) for lx in (first, other)]
                self.node_labels[n.id] = next((c for c in candidates if self.label_fits(c)), candidates[0])
            elif n.shape == 'event':
                # Two reminders' ends side by side under a task: each name in its own 46 px.
                w, h = label_box(n.name, 44 if self.under_boundary(n) is not None else LABEL_W)
                self.node_labels[n.id] = (n.cx() - w / 2, n.y + n.h + 5, w, h)
            else:
                w, h = label_box(n.name, LABEL_W)
                nw, nh = label_box(n.name, 60)
                candidates = []
                if 'top' not in used[n.id]:
                    candidates.append((n.cx() - w / 2, n.y - 5 - h, w, h))
                if 'bottom' not in used[n.id]:
                    candidates.append((n.cx() - w / 2, n.y + n.h + 5, w, h))
                candidates += [(n.x - nw - 2, n.y - nh + 8, nw, nh), (n.x + n.w + 2, n.y - nh + 8, nw, nh),
                               (n.x - nw - 2, n.y + n.h - 8, nw, nh), (n.x + n.w + 2, n.y + n.h - 8, nw, nh)]
                # The first place free of shapes, lines, lane borders and events' names (flows'
                # names come after).
                self.node_labels[n.id] = next((c for c in candidates if self.label_fits(c)),
                                              candidates[0])
        self.flow_labels = {}
        for fid, points in self.routes.items():
            flow = self.flow_by_id[fid]
            if not flow['name']:
                continue
            w, h = label_box(flow['name'], 80)
            (x0, y0), (x1, y1) = points[0], points[1]
            horizontals = [(a, b) for a, b in zip(points, points[1:]) if abs(a[1] - b[1]) < 1]
            if not horizontals:
                self.flow_labels[fid] = (x0 + 5, (y0 + y1) / 2 - h / 2, w, h)
                continue
            # Above the longest stretch, at the end nearest the source: several branches may share
            # the line that leaves a gateway, never their longest stretch.
            a, b = max(horizontals, key=lambda ab: abs(ab[0][0] - ab[1][0]))
            x = a[0] + 4 if b[0] >= a[0] else a[0] - 4 - w
            candidates = [(x, a[1] - 3 - h)]
            # If that spot is taken (a line crosses it, a shape or a name is there): along any
            # stretch of the flow, above or below it, from either end.
            for p, q in sorted(horizontals, key=lambda ab: -abs(ab[0][0] - ab[1][0])):
                left, right = min(p[0], q[0]), max(p[0], q[0])
                for lx in (left + 4, right - 4 - w, (left + right - w) / 2):
                    for ly in (p[1] - 3 - h, p[1] + 3):
                        candidates.append((lx, ly))
            placed = next(((cx, cy) for cx, cy in candidates if self.label_fits((cx, cy, w, h))), candidates[0])
            self.flow_labels[fid] = (placed[0], placed[1], w, h)

    def label_fits(self, box, names=True):
        """Whether a name's box lies over no shape, no line, no lane border and no name already
        placed."""
        x, y, w, h = box
        inner = (x + 1, y + 1, w - 2, h - 2)
        for lane_id, _ in self.config['lanes'][1:]:
            border = self.lane_y[lane_id]
            if y < border < y + h:
                return False
        for n in self.nodes.values():
            if n.kind == 'subProcess':
                # Inside or outside a sub-process, not over its border.
                borders = [((n.x, n.y), (n.x + n.w, n.y)), ((n.x + n.w, n.y), (n.x + n.w, n.y + n.h)),
                           ((n.x, n.y + n.h), (n.x + n.w, n.y + n.h)), ((n.x, n.y), (n.x, n.y + n.h))]
                if any(segment_crosses(a, b, inner) for a, b in borders):
                    return False
            elif n.x < x + w - 1 and x + 1 < n.x + n.w and n.y < y + h - 1 and y + 1 < n.y + n.h:
                return False
        for points in self.routes.values():
            if any(segment_crosses(a, b, inner) for a, b in zip(points, points[1:])):
                return False
        for other in (list(self.node_labels.values()) + list(getattr(self, 'flow_labels', {}).values())) if names else ():
            ox, oy, ow, oh = other
            if ox < x + w - 1 and x + 1 < ox + ow and oy < y + h - 1 and y + 1 < oy + oh:
                return False
        return True

    # --- the model -----------------------------------------------------------------------------

    def compute(self):
        self.sub_bottom_row = {}
        self.columns()
        everything = self.order + [n for n in self.nodes.values() if n not in self.order]
        lane_index = {l: k for k, (l, _) in enumerate(self.config['lanes'])}
        for n in self.nodes.values():
            n.bottom_lane = None
        self.assign_lanes(everything)
        # A boundary event of a sub-process sits on its bottom border, so in its lowest lane, and
        # what follows it starts there: a second pass once the sub-processes' lowest lanes are known.
        for n in self.nodes.values():
            if n.kind == 'subProcess':
                inner = [d for d in self.descendants(n) if d.lane and d.kind not in ('subProcess', 'boundaryEvent')]
                n.bottom_lane = max((d.lane for d in inner), key=lambda l: lane_index[l]) if inner else n.lane
        kept = self.existing_lanes()
        for n in everything:
            if n.candidate is None and n.id not in kept:
                n.lane = None
        self.assign_lanes(everything)
        for n in self.nodes.values():
            if n.kind == 'subProcess':
                first = [c for c in self.children[n.id] if c.kind == 'startEvent']
                n.lane = first[0].lane if first else n.lane
        self.place_columns()
        self.rows()
        self.geometry()
        # Room in a lane for the borders (and name) of the sub-processes that reach its edge.
        self.pad_top, self.pad_bottom = defaultdict(int), defaultdict(int)
        for n in self.nodes.values():
            if n.kind == 'subProcess':
                for lane_id, _ in self.config['lanes']:
                    top, bottom = self.lane_y[lane_id], self.lane_y[lane_id] + self.lane_h[lane_id]
                    if top - 60 < n.y < top + 8:
                        self.pad_top[lane_id] = max(self.pad_top[lane_id], top + 8 - n.y)
                    if bottom - 8 < n.y + n.h < bottom + 60:
                        self.pad_bottom[lane_id] = max(self.pad_bottom[lane_id], n.y + n.h - bottom + 8)
        self.draw_lines_and_labels()
        # Rows are tight: a name written above the first row or below the last may reach past its
        # lane's border. The lane then grows by what is missing, and everything is drawn again.
        for _ in range(4):
            if not self.grow_lanes_for_labels():
                break
            self.draw_lines_and_labels()

    def grow_lanes_for_labels(self):
        grew = False
        # A shape's name belongs to the shape's lane; a line's, to the lane it is written in.
        boxes = [(self.nodes[nid].lane, box) for nid, box in self.node_labels.items()]
        boxes += [(None, box) for box in self.flow_labels.values()]
        for lane_id, _ in self.config['lanes']:
            top, bottom = self.lane_y[lane_id], self.lane_y[lane_id] + self.lane_h[lane_id]
            for owner, (x, y, w, h) in boxes:
                if owner != lane_id and (owner is not None or not top <= y + h / 2 < bottom):
                    continue
                if y < top + 4:
                    self.pad_top[lane_id] += top + 4 - y
                    grew = True
                if y + h > bottom - 4:
                    self.pad_bottom[lane_id] += y + h - bottom + 4
                    grew = True
        return grew

    def draw_lines_and_labels(self):
        self.geometry()
        self.hang_under_boundaries()
        self.flow_by_id = {f['id']: f for f in self.flows}
        self.verticals = []
        # Where the name of a gateway's straight branch will be written: other lines keep off it.
        self.zones = {}
        for f in self.flows:
            s, t = self.nodes[f['source']], self.nodes[f['target']]
            if f['name'] and s.shape == 'gateway' and t.kind != 'subProcess' and abs(s.cy() - t.cy()) < 1 \
                    and f['id'] not in self.back:
                w, h = label_box(f['name'], 80)
                self.zones[f['id']] = (s.x + s.w + 4, s.cy() - 3 - h, w, h)
        self.routes = {f['id']: self.route(f) for f in self.flows}
        self.labels()

    def run(self):
        self.compute()
        self.write()

    def write(self):
        root, process = self.root, self.process
        pool_id, pool_name = self.config['pool']
        collaboration_id = 'Collaboration_' + pool_id.split('_', 1)[1]
        for old in root.findall('bpmn:collaboration', NS):
            root.remove(old)
        collaboration = ET.Element(q('bpmn:collaboration'), {'id': collaboration_id})
        ET.SubElement(collaboration, q('bpmn:participant'),
                      {'id': pool_id, 'name': pool_name, 'processRef': process.get('id')})
        collaboration.text = '\n    '
        collaboration[0].tail = '\n  '
        collaboration.tail = '\n  '
        root.insert(list(root).index(process), collaboration)
        # The lanes, right after the process's extension elements.
        for old in process.findall('bpmn:laneSet', NS):
            process.remove(old)
        lane_set = ET.Element(q('bpmn:laneSet'), {'id': 'LaneSet_' + pool_id.split('_', 1)[1]})
        lane_set.text = '\n      '
        for lane_id, lane_name in self.config['lanes']:
            lane = ET.SubElement(lane_set, q('bpmn:lane'), {'id': lane_id, 'name': lane_name})
            members = [n for n in self.nodes.values() if n.parent is None and n.lane == lane_id]
            lane.text = '\n        '
            for k, n in enumerate(members):
                ref = ET.SubElement(lane, q('bpmn:flowNodeRef'))
                ref.text = n.id
                ref.tail = '\n        ' if k < len(members) - 1 else '\n      '
            lane.tail = '\n      '
        lane_set[-1].tail = '\n    '
        lane_set.tail = '\n    '
        position = 0
        for k, child in enumerate(process):
            if child.tag in (q('bpmn:extensionElements'), q('bpmn:documentation')):
                position = k + 1
        process.insert(position, lane_set)
        # The diagram, new.
        for old in root.findall('bpmndi:BPMNDiagram', NS):
            root.remove(old)
        diagram = ET.SubElement(root, q('bpmndi:BPMNDiagram'), {'id': 'BPMNDiagram_' + pool_id.split('_', 1)[1]})
        plane = ET.SubElement(diagram, q('bpmndi:BPMNPlane'),
                              {'id': 'BPMNPlane_' + pool_id.split('_', 1)[1], 'bpmnElement': collaboration_id})
        right = max(self.right, max(n.x + n.w for n in self.nodes.values()) + 60)
        for lab in list(self.node_labels.values()) + list(self.flow_labels.values()):
            right = max(right, lab[0] + lab[2] + 20)
        bottom = self.bottom
        self.shape(plane, pool_id, POOL_X, POOL_Y, right - POOL_X, bottom - POOL_Y, {'isHorizontal': 'true'})
        for lane_id, _ in self.config['lanes']:
            self.shape(plane, lane_id, POOL_X + POOL_LABEL, self.lane_y[lane_id], right - POOL_X - POOL_LABEL,
                       self.lane_h[lane_id], {'isHorizontal': 'true'})
        self.draw(plane)
        for sub_id in self.collapsed:
            sub = self.nodes[sub_id]
            inner = Layout(self.path, sub.el, self.plane_config(sub))
            inner.compute()
            inner.write_lane_set(sub.el, 'LaneSet_' + sub_id.split('_', 1)[1], 3 + len(self.ancestors(sub)))
            sub_diagram = ET.SubElement(root, q('bpmndi:BPMNDiagram'), {'id': 'BPMNDiagram_' + sub_id})
            sub_plane = ET.SubElement(sub_diagram, q('bpmndi:BPMNPlane'),
                                      {'id': 'BPMNPlane_' + sub_id, 'bpmnElement': sub_id})
            inner_right = max(inner.right, max(n.x + n.w for n in inner.nodes.values()) + 60)
            for lab in list(inner.node_labels.values()) + list(inner.flow_labels.values()):
                inner_right = max(inner_right, lab[0] + lab[2] + 20)
            for lane_id, _ in inner.config['lanes']:
                inner.shape(sub_plane, lane_id, POOL_X, inner.lane_y[lane_id], inner_right - POOL_X,
                            inner.lane_h[lane_id], {'isHorizontal': 'true'})
            inner.draw(sub_plane)
            indent(sub_diagram, 1)
            sub_diagram.tail = '\n'
        indent(diagram, 1)
        diagram.tail = '\n'
        body = ET.tostring(root, encoding='unicode')
        with open(self.path, 'w', encoding='utf-8') as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body + '\n')

    def plane_config(self, sub):
        """The lanes of a collapsed sub-process's own plane: those of the pool that its user tasks'
        candidates name, in the pool's order, so that the drill-down still says who does what."""
        short = sub.id.split('_', 1)[1]
        renamed = {lane_id: 'Lane_%s_%s' % (short, lane_id.split('_', 1)[1]) for lane_id, _ in self.config['lanes']}
        used = {self.candidate_lane(Node(task, None)) for task in sub.el.iter(q('bpmn:userTask'))}
        # The lane of the sub-process's box in the pool first: its start is there.
        lanes = sorted([(renamed[l], name) for l, name in self.config['lanes'] if l in used],
                       key=lambda lane: lane[0] != renamed.get(sub.lane))
        candidates = [(a, v, renamed[l]) for a, v, l in self.config['candidates'] if l in used]
        return {'lanes': lanes or [('Lane_' + short, '')], 'candidates': candidates}

    def write_lane_set(self, container, lane_set_id, depth):
        """The lanes of a sub-process, inside it, after what BPMN puts before its flow elements."""
        for old in container.findall('bpmn:laneSet', NS):
            container.remove(old)
        lane_set = ET.Element(q('bpmn:laneSet'), {'id': lane_set_id})
        for lane_id, lane_name in self.config['lanes']:
            lane = ET.SubElement(lane_set, q('bpmn:lane'), {'id': lane_id, 'name': lane_name})
            for n in self.nodes.values():
                if n.parent is None and n.lane == lane_id:
                    ET.SubElement(lane, q('bpmn:flowNodeRef')).text = n.id
        position = 0
        for k, child in enumerate(container):
            if child.tag.split('}')[1] in ('documentation', 'extensionElements', 'auditing', 'monitoring',
                                           'categoryValueRef', 'incoming', 'outgoing', 'ioSpecification',
                                           'property', 'dataInputAssociation', 'dataOutputAssociation',
                                           'resourceRole',
                                           'multiInstanceLoopCharacteristics', 'standardLoopCharacteristics'):
                position = k + 1
        container.insert(position, lane_set)
        indent(lane_set, depth)
        lane_set.tail = '\n' + '  ' * depth

    def draw(self, plane):
        ordered = sorted(self.nodes.values(), key=lambda n: (len(self.ancestors(n)), n.kind == 'boundaryEvent'))
        for n in ordered:
            extra = {}
            if n.kind == 'subProcess':
                extra['isExpanded'] = 'true'
            if n.kind == 'collapsedSubProcess':
                extra['isExpanded'] = 'false'
            if n.kind == 'exclusiveGateway':
                extra['isMarkerVisible'] = 'true'
            self.shape(plane, n.id, n.x, n.y, n.w, n.h, extra, self.node_labels.get(n.id))
        for f in self.flows:
            edge = ET.SubElement(plane, q('bpmndi:BPMNEdge'), {'id': f['id'] + '_di', 'bpmnElement': f['id']})
            for x, y in self.routes[f['id']]:
                ET.SubElement(edge, q('di:waypoint'), {'x': fmt(x), 'y': fmt(y)})
            if f['id'] in self.flow_labels:
                label = ET.SubElement(edge, q('bpmndi:BPMNLabel'))
                x, y, w, h = self.flow_labels[f['id']]
                ET.SubElement(label, q('dc:Bounds'), {'x': fmt(x), 'y': fmt(y), 'width': fmt(w), 'height': fmt(h)})

    def shape(self, plane, element, x, y, w, h, extra=None, label=None):
        attrs = {'id': element + '_di', 'bpmnElement': element}
        attrs.update(extra or {})
        shape = ET.SubElement(plane, q('bpmndi:BPMNShape'), attrs)
        ET.SubElement(shape, q('dc:Bounds'), {'x': fmt(x), 'y': fmt(y), 'width': fmt(w), 'height': fmt(h)})
        if label:
            lab = ET.SubElement(shape, q('bpmndi:BPMNLabel'))
            lx, ly, lw, lh = label
            ET.SubElement(lab, q('dc:Bounds'), {'x': fmt(lx), 'y': fmt(ly), 'width': fmt(lw), 'height': fmt(lh)})


def segment_crosses(a, b, box):
    x, y, w, h = box
    (x1, y1), (x2, y2) = a, b
    if abs(x1 - x2) < 0.5:
        return x < x1 < x + w and min(y1, y2) < y + h and max(y1, y2) > y
    if abs(y1 - y2) < 0.5:
        return y < y1 < y + h and min(x1, x2) < x + w and max(x1, x2) > x
    return False


def fmt(v):
    v = round(v)
    return str(int(v))


def indent(el, level):
    pad = '\n' + '  ' * (level + 1)
    if len(el):
        el.text = pad
        for child in el:
            indent(child, level + 1)
            child.tail = pad
        el[-1].tail = '\n' + '  ' * level


def main(paths):
    for path in paths:
        Layout(path).run()
        print('laid out', path)


if __name__ == '__main__':
    main(sys.argv[1:])
