import StapelModel
import Testing

/// Label placeholders are filled in one pass: values are not searched again, unknown names and lone braces stay.
@Suite struct PlaceholderTests {
    @Test func placeholdersAreFilledOnceEach() {
        #expect(LabelSet.filling("{n} svar av {total}", with: ["n": "12", "total": "137"]) == "12 svar av 137")
        #expect(LabelSet.filling("{value}\u{00A0}%", with: ["value": "45,2"]) == "45,2\u{00A0}%")
        #expect(LabelSet.filling("{a}{a}", with: ["a": "x"]) == "xx")
        // A value holding a placeholder is not filled again, whatever the dictionary's order.
        #expect(LabelSet.filling("{a} {b}", with: ["a": "{b}", "b": "B"]) == "{b} B")
        #expect(LabelSet.filling("{b} {a}", with: ["a": "{b}", "b": "B"]) == "B {b}")
    }

    @Test func unknownNamesAndStrayBracesStayAsWritten() {
        #expect(LabelSet.filling("{unknown} {n}", with: ["n": "1"]) == "{unknown} 1")
        #expect(LabelSet.filling("{a {n}", with: ["n": "1"]) == "{a 1")
        #expect(LabelSet.filling("}{n}{", with: ["n": "1"]) == "}1{")
        #expect(LabelSet.filling("{", with: ["n": "1"]) == "{")
        #expect(LabelSet.filling("{}", with: ["": "empty"]) == "empty")
        #expect(LabelSet.filling("åäö {n} ü", with: ["n": "ß"]) == "åäö ß ü")
        #expect(LabelSet.filling("no braces", with: ["n": "1"]) == "no braces")
    }

    @Test func decimalSeparatorsReplaceThePoint() {
        #expect(NumberFormat.swedish.decimal(45.25, decimals: 1) == "45,3")
        #expect(NumberFormat.swedish.percent(-0.04, decimals: 1) == "0,0\u{00A0}%")
        #expect(NumberFormat.english.percent(48.9) == "48.9%")
        #expect(NumberFormat.swedish.decimal(3, decimals: 0) == "3")
        let german = NumberFormat(decimalSeparator: ",", groupSeparator: ".", percentPattern: "{value} %")
        #expect(german.percent(12.345, decimals: 2) == "12,35 %")
    }
}
