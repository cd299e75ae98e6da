package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/duban/duban"
)

// Notices copied in traditional characters (州政發〔2020〕5號, 牽頭單位,
// 責任單位): the parser reads a simplified copy of the text, so that its
// labels, role words and unit-name endings match, and every string of the
// records is then taken back from the text as written. Each character
// maps to one of the same UTF-8 length, so a string found in the copy
// sits at the same bytes in the original.

// tradSimpPairs lists traditional characters, each followed by its
// simplified form: those of government notices.
const tradSimpPairs = "發发號号牽牵頭头單单責责務务際际縣县區区鄉乡鎮镇廳厅員员會会議议辦办關关為为與与對对進进從从開开門门電电網网經经濟济業业產产産产農农機机構构組组織织導导領领歸归檢检驗验計计劃划設设標标準准規规範范項项實实現现優优營营環环證证確确認认體体製制術术數数據据處处質质資资統统線线華华東东學学醫医衛卫藥药稅税財财銀银貨货貿贸價价費费購购銷销運运輸输護护災灾應应軍军黨党團团擬拟權权許许審审執执條条們们個个這这麼么麽么時时間间車车長长問问題题習习觀观點点愛爱國国聽听說说話话讀读寫写見见試试動动過过還还邊边達达遠远選选連连週周遊游雙双擊击歷历歲岁滿满漢汉灣湾勞劳險险隊队陽阳陰阴隨随雜杂難难靜静頁页順顺須须預预顏颜風风飛飞養养館馆馬马髮发鬥斗魚鱼鳥鸟麥麦黃黄齊齐龍龙剛刚劉刘創创勝胜勢势協协參参啟启喪丧嘗尝嚴严圍围園园圖图圓圆堅坚報报場场塊块壓压壞坏壯壮夢梦奪夺獎奖婦妇孫孙寧宁寶宝將将專专尋寻層层屬属嶺岭幣币師师帳帐帶带幫帮廠厂廢废廣广張张強强彈弹後后徑径徵征恆恒態态慶庆憂忧懷怀戰战戶户捨舍掃扫掛挂採采揚扬換换擔担擁拥擇择擴扩攝摄敗败數数斷断於于晉晋暫暂曆历書书來来樣样橋桥檔档歡欢殘残殺杀氣气決决沒没沖冲況况淺浅淨净減减測测溝沟滅灭滯滞漁渔潔洁潛潜澤泽濃浓濕湿為为無无煙烟熱热燈灯爭争爾尔牆墙狀状獨独獲获畫画畢毕異异當当療疗盡尽監监盤盘眾众礎础礙碍禮礼離离種种稱称穩稳窮穷競竞筆笔節节築筑簡简糧粮緊紧糾纠紅红約约級级紀纪純纯紙纸納纳紛纷細细終终結结給给絡络絲丝綜综維维緒绪締缔編编練练縱纵總总績绩織织續续罰罚羅罗義义聯联聲声職职肅肃脅胁脈脉腦脑膽胆興兴舉举舊旧藝艺蘇苏蘭兰虧亏蟲虫衝冲補补複复襲袭視视親亲覺觉觸触訂订討讨訓训託托記记訪访診诊詞词該该詳详誌志語语誤误課课調调談谈請请論论諮咨謀谋講讲謝谢識识譜谱譯译變变讓让負负貧贫販贩貫贯貴贵貸贷貼贴賓宾賠赔賣卖賦赋賽赛贊赞趕赶趨趋跡迹踐践軌轨軟软較较載载輔辅輕轻輛辆輪轮轄辖轉转違违遞递適适遷迁遺遗還还鄰邻釋释針针鋪铺錄录錢钱錯错鍵键閉闭閒闲閱阅闡阐陸陆陣阵陳陈階阶隱隐隻只雞鸡靈灵韓韩頂顶頓顿頻频額额顧顾類类顯显飯饭飲饮驅驱鬧闹魯鲁鳳凤鹽盐齡龄倉仓偉伟傳传傷伤億亿儲储兒儿內内兩两冊册凈净凍冻劑剂勁劲勵励勸劝匯汇卻却厲厉嗎吗壇坛奮奋嬰婴幾几廈厦彙汇徹彻憑凭懸悬戲戏攜携斂敛暢畅樓楼樹树歐欧殼壳滬沪濱滨燒烧爐炉犧牺獅狮瘋疯盜盗礦矿祕秘穀谷絕绝綠绿綱纲緣缘縮缩繳缴罷罢臨临萬万葉叶薦荐藍蓝蟻蚁覽览訊讯評评詢询誠诚諾诺謂谓豐丰賀贺賬账贈赠蹤踪遲迟郵邮醬酱鋼钢鐵铁鑑鉴閃闪雲云響响顆颗餘余驚惊鬆松麗丽臺台"

var (
	tradOnce sync.Once
	tradMap  map[rune]rune
	tradBits [0x10000 / 64]uint64 // the traditional characters of tradMap, for a quick test
)

func tradSimp() map[rune]rune {
	tradOnce.Do(func() {
		tradMap = make(map[rune]rune, utf8.RuneCountInString(tradSimpPairs)/2)
		rs := []rune(tradSimpPairs)
		for i := 0; i+1 < len(rs); i += 2 {
			if rs[i] != rs[i+1] && utf8.RuneLen(rs[i]) == utf8.RuneLen(rs[i+1]) && rs[i] < 0x10000 {
				tradMap[rs[i]] = rs[i+1]
				tradBits[rs[i]/64] |= 1 << (rs[i] % 64)
			}
		}
	})
	return tradMap
}

// isTraditional reports whether paragraphs are written in traditional
// characters: a few distinct ones among the first paragraphs.
func isTraditional(ps []bodyPara) bool {
	tradSimp()
	seen, budget := 0, 600 // characters looked at
	for i, p := range ps {
		if i >= 40 || budget <= 0 {
			break
		}
		for _, r := range p.text {
			if budget--; budget < 0 {
				break
			}
			if r >= 0x4E00 && r < 0x10000 && tradBits[r/64]&(1<<(r%64)) != 0 {
				seen++
				if seen >= 5 {
					return true
				}
			}
		}
	}
	return false
}

// simplified returns the paragraphs with their text in simplified
// characters.
func simplified(ps []bodyPara) []bodyPara {
	m := tradSimp()
	out := make([]bodyPara, len(ps))
	for i, p := range ps {
		out[i] = p
		out[i].text = strings.Map(func(r rune) rune {
			if s, ok := m[r]; ok {
				return s
			}
			return r
		}, p.text)
	}
	return out
}

// asWritten maps strings of the simplified copy back to the original
// text: a string the copy holds as such is cut from the original at the
// same bytes; another (joined from several places) is mapped character
// by character, each simplified character back to the traditional one
// this text used for it.
type asWritten struct {
	simp, orig string
	back       map[rune]rune
}

func newAsWritten(orig, simp []bodyPara) *asWritten {
	var o, s strings.Builder
	back := map[rune]rune{}
	for i := range orig {
		o.WriteString(orig[i].text)
		o.WriteByte('\n')
		s.WriteString(simp[i].text)
		s.WriteByte('\n')
		t := simp[i].text
		for k, r := range orig[i].text {
			if sr, _ := utf8.DecodeRuneInString(t[k:]); sr != r {
				back[sr] = r
			}
		}
	}
	return &asWritten{simp: s.String(), orig: o.String(), back: back}
}

// get gives v as the original writes it.
func (a *asWritten) get(v string) string {
	if v == "" {
		return v
	}
	if i := strings.Index(a.simp, v); i >= 0 {
		return a.orig[i : i+len(v)]
	}
	return strings.Map(func(r rune) rune {
		if t, ok := a.back[r]; ok {
			return t
		}
		return r
	}, v)
}

// restore writes every string of the records as the original has it.
func (a *asWritten) restore(n *duban.Notice) {
	n.DocNumber = a.get(n.DocNumber)
	n.Issuer = a.get(n.Issuer)
	n.Title = a.get(n.Title)
	n.PlanTitle = duban.NullString(a.get(string(n.PlanTitle)))
	for i := range n.CC {
		n.CC[i] = a.get(n.CC[i])
	}
	n.Publicity = a.get(n.Publicity)
	for i := range n.Tasks {
		t := &n.Tasks[i]
		t.Text = a.get(t.Text)
		t.Section = duban.NullString(a.get(string(t.Section)))
		t.Subsection = duban.NullString(a.get(string(t.Subsection)))
		t.Leader = a.get(t.Leader)
		for j := range t.Units {
			t.Units[j].Name = a.get(t.Units[j].Name)
		}
		if t.Deadline != nil {
			d := *t.Deadline
			d.Raw = a.get(d.Raw)
			t.Deadline = &d
		}
	}
}
