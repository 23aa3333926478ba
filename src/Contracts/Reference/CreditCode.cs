namespace ServiceManufacturing.Contracts.Reference;

/// <summary>The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check.</summary>
public static class CreditCode
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // digits and capitals except I, O, S, V, Z
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Why <paramref name="code"/> is not a valid code, or null when it is.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length != 18)
            return "统一社会信用代码必须为 18 位。 / The unified social credit code must have 18 characters.";
        if (code.Any(c => !Alphabet.Contains(c)))
            return "统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母。 / The unified social credit code may hold only digits and capital letters other than I, O, S, V, Z.";
        if (code[17] != CheckCharacter(code))
            return "统一社会信用代码校验位不正确。 / The check character of the unified social credit code is wrong.";
        return null;
    }

    /// <summary>The check character (position 18) for the first 17 characters of <paramref name="code"/>.</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
