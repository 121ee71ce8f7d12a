using MatchEngine.Engine.Domain;

namespace MatchEngine.Training.Synth;

/// <summary>A task template of an occupation: name, skills, complexity 1–5, load, and its share of the job's hours.</summary>
public sealed record TaskTemplate(string Name, string[] Skills, int Complexity, Load Load, double Share);

/// <summary>An occupation in a shortage sector with a real ISCO-08 unit group, its requirements and task breakdown.</summary>
public sealed record Occupation(
    string Isco, string Title, string Sector, string[] Skills, string[] PreferredSkills, string[] Certificates,
    EducationLevel Education, CefrLevel Dutch, Load Load, Shift[] Shifts, string Duties, TaskTemplate[] Tasks, double Weight);
