package fr.construisons.ideabox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent typed in "Déposer une idée", bound from the form and sent back into it unchanged
 * when the submission is refused, so nothing typed is lost. Field names are the process
 * variables' names, as in {@code forms/submit-idea.form}.
 */
public class IdeaDraft {

  private String title;
  private String problem;
  private String solution;
  private String benefits;
  private String ideatorDirectorate;
  private List<String> impactedDirectorates = new ArrayList<>();
  private boolean wantsToCarry;
  private boolean showIdeatorName;
  /** The optional details ({@code IdeaLifecycle.DETAILS}), bound from {@code details[name]}. */
  private Map<String, String> details = new LinkedHashMap<>();

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getProblem() {
    return problem;
  }

  public void setProblem(String problem) {
    this.problem = problem;
  }

  public String getSolution() {
    return solution;
  }

  public void setSolution(String solution) {
    this.solution = solution;
  }

  public String getBenefits() {
    return benefits;
  }

  public void setBenefits(String benefits) {
    this.benefits = benefits;
  }

  public String getIdeatorDirectorate() {
    return ideatorDirectorate;
  }

  public void setIdeatorDirectorate(String ideatorDirectorate) {
    this.ideatorDirectorate = ideatorDirectorate;
  }

  public List<String> getImpactedDirectorates() {
    return impactedDirectorates;
  }

  public void setImpactedDirectorates(List<String> impactedDirectorates) {
    this.impactedDirectorates = impactedDirectorates == null ? new ArrayList<>() : impactedDirectorates;
  }

  public boolean isWantsToCarry() {
    return wantsToCarry;
  }

  public void setWantsToCarry(boolean wantsToCarry) {
    this.wantsToCarry = wantsToCarry;
  }

  public Map<String, String> getDetails() {
    return details;
  }

  public void setDetails(Map<String, String> details) {
    this.details = details == null ? new LinkedHashMap<>() : details;
  }

  public boolean isShowIdeatorName() {
    return showIdeatorName;
  }

  public void setShowIdeatorName(boolean showIdeatorName) {
    this.showIdeatorName = showIdeatorName;
  }
}
