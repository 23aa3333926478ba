using ServiceManufacturing.Contracts.Reference;

namespace ServiceManufacturing.Tests.Registration;

public class CreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // a real enterprise's code, checked by hand against GB 32100-2015
    [InlineData("91110000600037341L")] // check character a letter
    public void AValidCodeIsAccepted(string code) => Assert.Null(CreditCode.Problem(code));

    [Theory]
    [InlineData("914403001922038217")] // check character off by one
    [InlineData("91110000600037341M")]
    public void AWrongCheckCharacterIsRefused(string code) => Assert.Contains("check character", CreditCode.Problem(code));

    [Theory]
    [InlineData("9144030019220382I6")] // I, O, S, V and Z are not in the code's alphabet
    [InlineData("91440300192203821O")]
    [InlineData("9144030019220382S6")]
    [InlineData("914403001922038z16")] // nor are lower-case letters
    public void ACharacterOutsideTheAlphabetIsRefused(string code) => Assert.Contains("capital letters", CreditCode.Problem(code));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("91440300192203821")]
    [InlineData("9144030019220382160")]
    public void ACodeNotOf18CharactersIsRefused(string? code) => Assert.Contains("18 characters", CreditCode.Problem(code));

    [Fact]
    public void TheCheckCharacterFollowsTheStandardsWeightsAndModulus()
    {
        // 31 - (sum mod 31), and 31 maps to 0: every remainder gives a character of the alphabet.
        Assert.Equal('6', CreditCode.CheckCharacter("91440300192203821"));
        Assert.Equal('L', CreditCode.CheckCharacter("91110000600037341"));
    }
}
