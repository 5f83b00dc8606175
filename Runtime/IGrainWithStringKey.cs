namespace Sesame.Runtime;

/// <summary>A grain addressed by a string key, such as <c>tenant/accountId</c>.</summary>
public interface IGrainWithStringKey : IGrain;
