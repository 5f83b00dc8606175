namespace Sesame.Runtime;

/// <summary>Hands out references to grains. Callers never create or destroy grains: the first call activates one.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a reference to the grain of contract <typeparamref name="TGrainInterface"/> with the given key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
