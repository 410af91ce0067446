using System.Text;

namespace PSCompose.Engine
{
    /// <summary>Decodes UTF-8 chunks of one stream, carrying a split multi-byte character over to the next chunk.</summary>
    internal sealed class Utf8Splitter
    {
        private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();

        public string Decode(byte[] buffer, int count)
        {
            var chars = new char[decoder.GetCharCount(buffer, 0, count)];
            int n = decoder.GetChars(buffer, 0, count, chars, 0);
            return new string(chars, 0, n);
        }
    }
}
