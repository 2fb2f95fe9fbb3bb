package fr.construisons.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams stay readable when someone edits them (issue 19): checked on the diagram
 * interchange (DI) coordinates that Camunda Modeler and Cockpit draw from, the way bpmn-js draws:
 * a task's name inside its box (Arial 12 px, 7 px of padding), any other name outside, in its label
 * box (Arial 11 px, wrapped at the box's width, a word wider than the box cut in two).
 *
 * <ul>
 *   <li>no word is cut: each word of a name fits the width it is drawn in;</li>
 *   <li>a task's name fits its box (no line drawn over the border);</li>
 *   <li>no external label lies over a shape (its own included) or over a line;</li>
 *   <li>no sequence flow runs back to the left for long (a loop goes back a few steps, not across
 *       the diagram: further, a pair of link events);</li>
 *   <li>no boundary event over its task's icon.</li>
 * </ul>
 *
 * <p>Each plane is checked on its own: the process's, and a collapsed sub-process's (drill-down).
 */
class DiagramLayoutTest {

  static final double TASK_FONT = 12;
  static final double TASK_PADDING = 7;
  static final double LABEL_FONT = 11;
  static final double LINE_HEIGHT = 1.2;
  /** The corner of a task where bpmn-js draws its type's icon (user, mail, gear…). */
  static final double ICON_CORNER = 30;
  /** How far a flow may run leftwards: a loop back over two or three steps. */
  static final double LONGEST_BACKWARD_RUN = 700;
  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
  }

  @ParameterizedTest
  @MethodSource("models")
  void noWordIsCutAndEveryTaskNameFitsItsBox(Path model) {
    List<String> problems = new ArrayList<>();
    for (Diagram diagram : Diagram.read(model)) {
      problems.addAll(cutWordsAndOverflows(diagram));
    }
    assertThat(problems).as(model + ": words cut or names overflowing their box").isEmpty();
  }

  static List<String> cutWordsAndOverflows(Diagram diagram) {
    List<String> problems = new ArrayList<>();
    for (BpmnShape shape : diagram.shapes) {
      BaseElement element = shape.getBpmnElement();
      String name = nameOf(element);
      if (name == null || name.isBlank() || element instanceof Lane || element instanceof Participant
          || element instanceof TextAnnotation) {
        continue;
      }
      if (element instanceof Activity) {
        Bounds box = shape.getBounds();
        double width = box.getWidth() - 2 * TASK_PADDING;
        problems.addAll(cutWords(element.getId(), name, TASK_FONT, width));
        boolean expanded = element instanceof SubProcess && Boolean.TRUE.equals(shape.isExpanded());
        if (!expanded) {
          int lines = lines(name, TASK_FONT, width);
          double height = lines * TASK_FONT * LINE_HEIGHT;
          if (height > box.getHeight() - 2 * TASK_PADDING + 1) {
            problems.add(element.getId() + ": « " + name + " » takes " + lines + " lines, more than its box holds");
          }
        }
      } else {
        Bounds label = labelOf(shape);
        if (label == null) {
          problems.add(element.getId() + ": a name without a label position in the diagram");
        } else {
          problems.addAll(cutWords(element.getId(), name, LABEL_FONT, label.getWidth()));
        }
      }
    }
    for (BpmnEdge edge : diagram.edges) {
      String name = nameOf(edge.getBpmnElement());
      if (name == null || name.isBlank()) {
        continue;
      }
      if (edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null) {
        problems.add(edge.getBpmnElement().getId() + ": a name without a label position in the diagram");
      } else {
        problems.addAll(cutWords(edge.getBpmnElement().getId(), name, LABEL_FONT,
            edge.getBpmnLabel().getBounds().getWidth()));
      }
    }
    return problems;
  }

  @ParameterizedTest
  @MethodSource("models")
  void noLabelLiesOverAShapeALineOrAnotherLabel(Path model) {
    List<String> problems = new ArrayList<>();
    for (Diagram diagram : Diagram.read(model)) {
      problems.addAll(labelsInTheWay(diagram));
    }
    assertThat(problems).as(model + ": labels over shapes, lines or labels").isEmpty();
  }

  static List<String> labelsInTheWay(Diagram diagram) {
    List<String> problems = new ArrayList<>();
    List<Labelled> labels = new ArrayList<>();
    for (BpmnShape shape : diagram.shapes) {
      Bounds label = labelOf(shape);
      String name = nameOf(shape.getBpmnElement());
      if (label != null && name != null && !name.isBlank() && !(shape.getBpmnElement() instanceof Activity)) {
        labels.add(new Labelled(shape.getBpmnElement().getId(), name, rectangle(label)));
      }
    }
    for (BpmnEdge edge : diagram.edges) {
      String name = nameOf(edge.getBpmnElement());
      if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null && name != null && !name.isBlank()) {
        labels.add(new Labelled(edge.getBpmnElement().getId(), name, rectangle(edge.getBpmnLabel().getBounds())));
      }
    }
    for (Labelled label : labels) {
      // A pixel of slack: a label that only touches a line is not over it.
      Rectangle2D text = shrink(label.area, 1);
      for (BpmnShape shape : diagram.shapes) {
        BaseElement element = shape.getBpmnElement();
        Rectangle2D area = rectangle(shape.getBounds());
        if (isContainer(shape)) {
          // Over a pool's, lane's or expanded sub-process's border, not inside it.
          for (Line2D border : borders(area)) {
            if (border.intersects(text)) {
              problems.add(label.id + ": « " + label.name + " » over the border of " + element.getId());
            }
          }
        } else if (area.intersects(text)) {
          problems.add(label.id + ": « " + label.name + " » over " + element.getId());
        }
      }
      for (BpmnEdge edge : diagram.edges) {
        for (Line2D segment : segments(edge)) {
          if (segment.intersects(text)) {
            problems.add(label.id + ": « " + label.name + " » over the line " + edge.getBpmnElement().getId());
            break;
          }
        }
      }
    }
    // A boundary event sits on its task's border, never on the task's icon (top left corner).
    for (BpmnShape shape : diagram.shapes) {
      if (shape.getBpmnElement() instanceof BoundaryEvent boundary) {
        BpmnShape host = diagram.shapes.stream()
            .filter(s -> s.getBpmnElement() == boundary.getAttachedTo()).findFirst().orElseThrow();
        Rectangle2D icon = new Rectangle2D.Double(host.getBounds().getX(), host.getBounds().getY(), ICON_CORNER,
            ICON_CORNER);
        if (shrink(rectangle(shape.getBounds()), 1).intersects(icon)) {
          problems.add(boundary.getId() + " covers the icon of " + host.getBpmnElement().getId());
        }
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (shrink(labels.get(i).area, 1).intersects(labels.get(j).area)) {
          problems.add(labels.get(i).id + ": « " + labels.get(i).name + " » over the label of " + labels.get(j).id);
        }
      }
    }
    return problems;
  }

  @ParameterizedTest
  @MethodSource("models")
  void noFlowRunsBackAcrossTheDiagram(Path model) {
    List<String> problems = new ArrayList<>();
    for (BpmnEdge edge : Diagram.read(model).stream().flatMap(d -> d.edges.stream()).toList()) {
      double backwards = 0;
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      for (int i = 1; i < points.size(); i++) {
        backwards += Math.max(0, points.get(i - 1).getX() - points.get(i).getX());
      }
      if (backwards > LONGEST_BACKWARD_RUN) {
        problems.add(edge.getBpmnElement().getId() + " runs " + Math.round(backwards) + " units back to the left");
      }
    }
    assertThat(problems).as(model + ": long backward flows").isEmpty();
  }

  // --- how bpmn-js lays out a name ---------------------------------------------------------------

  /** The words of a name: bpmn-js breaks lines at spaces and after hyphens. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String spaced : name.strip().split("\\s+")) {
      for (String part : spaced.split("(?<=-)")) {
        if (!part.isEmpty()) {
          words.add(part);
        }
      }
    }
    return words;
  }

  static List<String> cutWords(String id, String name, double font, double width) {
    List<String> cut = new ArrayList<>();
    for (String word : words(name)) {
      double needed = TextWidth.of(word, font);
      if (needed > width) {
        cut.add(id + ": « " + word + " » (" + Math.round(needed) + " px) is cut in a box " + Math.round(width)
            + " px wide");
      }
    }
    return cut;
  }

  /** The number of lines a name takes once wrapped at {@code width}. */
  static int lines(String name, double font, double width) {
    int lines = 0;
    double line = -1;
    double space = TextWidth.of(" ", font);
    for (String word : words(name)) {
      double w = TextWidth.of(word, font);
      if (line < 0 || line + space + w > width) {
        lines++;
        line = w;
      } else {
        line += space + w;
      }
    }
    return lines;
  }

  // --- reading the diagram --------------------------------------------------------------------------

  record Labelled(String id, String name, Rectangle2D area) {}

  /** One plane of a model: the process's, or a collapsed sub-process's (its drill-down). */
  record Diagram(String plane, List<BpmnShape> shapes, List<BpmnEdge> edges) {
    static List<Diagram> read(Path file) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      List<Diagram> planes = new ArrayList<>();
      for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
        planes.add(new Diagram(plane.getBpmnElement().getId(),
            new ArrayList<>(plane.getChildElementsByType(BpmnShape.class)),
            new ArrayList<>(plane.getChildElementsByType(BpmnEdge.class))));
      }
      return planes;
    }
  }

  static String nameOf(BaseElement element) {
    if (element instanceof FlowElement flow) {
      return flow.getName();
    }
    if (element instanceof Lane lane) {
      return lane.getName();
    }
    if (element instanceof Participant participant) {
      return participant.getName();
    }
    return null;
  }

  static Bounds labelOf(BpmnShape shape) {
    return shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds();
  }

  static boolean isContainer(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    return element instanceof Participant || element instanceof Lane
        || (element instanceof SubProcess && Boolean.TRUE.equals(shape.isExpanded()));
  }

  static Rectangle2D rectangle(Bounds bounds) {
    return new Rectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
  }

  static Rectangle2D shrink(Rectangle2D area, double by) {
    return new Rectangle2D.Double(area.getX() + by, area.getY() + by,
        Math.max(0, area.getWidth() - 2 * by), Math.max(0, area.getHeight() - 2 * by));
  }

  static List<Line2D> borders(Rectangle2D area) {
    double x1 = area.getMinX();
    double y1 = area.getMinY();
    double x2 = area.getMaxX();
    double y2 = area.getMaxY();
    return List.of(new Line2D.Double(x1, y1, x2, y1), new Line2D.Double(x2, y1, x2, y2),
        new Line2D.Double(x2, y2, x1, y2), new Line2D.Double(x1, y2, x1, y1));
  }

  static List<Line2D> segments(BpmnEdge edge) {
    List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
    List<Line2D> segments = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      segments.add(new Line2D.Double(points.get(i - 1).getX(), points.get(i - 1).getY(),
          points.get(i).getX(), points.get(i).getY()));
    }
    return segments;
  }
}
