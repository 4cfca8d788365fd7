/* framelens report (progressive enhancement: the page is complete without script).
   1. tooltips of highlights (hover or keyboard focus); nested highlights list their outer spans; layers switched
      off in the legend (checkboxes; the hiding itself is CSS) are skipped and leave the tab order;
   2. a link to an article or a highlight inside a closed <details> opens it first;
   3. tables with class "sortable": a header click sorts the rows (numbers by data-v, else the cell's text),
      aria-sort says the order; tables with data-filter get a box that filters rows by their first cell. */
(function(){
  var tip=document.getElementById('tip');
  function layerOff(el){var k=el.getAttribute('data-kind');var box=k?document.getElementById('layer-'+k):null;return !!(box&&!box.checked);}
  function tipsFor(el){var parts=[];while(el&&el.getAttribute){if(el.hasAttribute('data-tip')&&!layerOff(el)){parts.push(el.getAttribute('data-tip'));}
    if(el.classList&&el.classList.contains('text'))break;el=el.parentNode;}return parts;}
  function show(e){var el=e.target.closest?e.target.closest('[data-tip]'):null;if(!el||!tip){if(tip)tip.style.display='none';return;}
    var parts=tipsFor(el);if(!parts.length){tip.style.display='none';return;}
    tip.textContent=parts.join('\n\u2014 within \u2014\n');tip.style.display='block';
    var r=el.getBoundingClientRect();var top=window.scrollY+r.bottom+6;var left=window.scrollX+r.left;
    var w=tip.offsetWidth;if(left+w>window.scrollX+document.documentElement.clientWidth-8){left=window.scrollX+document.documentElement.clientWidth-w-8;}
    tip.style.top=top+'px';tip.style.left=Math.max(4,left)+'px';}
  function hide(){if(tip)tip.style.display='none';}
  document.addEventListener('mouseover',show);document.addEventListener('focusin',show);
  document.addEventListener('mouseout',function(e){if(!e.relatedTarget||!e.relatedTarget.closest||!e.relatedTarget.closest('[data-tip]'))hide();});
  document.addEventListener('focusout',hide);
  document.addEventListener('keydown',function(e){if(e.key==='Escape')hide();});

  /* a switched-off layer leaves the keyboard's tab order (its highlights are not shown, so Tab skips them) */
  function syncLayer(box){var k=box.getAttribute('data-kind');var on=box.checked;
    [].forEach.call(document.querySelectorAll('.text [data-kind="'+k+'"][id]'),function(el){el.tabIndex=on?0:-1;});}
  [].forEach.call(document.querySelectorAll('input[id^="layer-"][data-kind]'),function(box){
    if(!box.checked)syncLayer(box);box.addEventListener('change',function(){syncLayer(box);hide();});});

  function reveal(id){var el=id?document.getElementById(id):null;if(!el)return null;
    for(var d=el;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true;}return el;}
  function fromHash(){var h=location.hash.slice(1);try{h=decodeURIComponent(h);}catch(e){}var el=reveal(h);if(el)el.scrollIntoView();}
  document.addEventListener('click',function(e){var a=e.target.closest?e.target.closest('a[href^="#"]'):null;
    if(a){var h=a.getAttribute('href').slice(1);try{h=decodeURIComponent(h);}catch(x){}reveal(h);}});
  window.addEventListener('hashchange',fromHash);
  if(location.hash)fromHash();

  function cellValue(td){if(!td)return {n:NaN,t:''};var v=td.getAttribute('data-v');var t=td.textContent.trim();
    return {n:v===null?NaN:parseFloat(v),t:t.toLowerCase(),hasV:v!==null};}
  function sortBy(table,col,th){var body=table.tBodies[0];var rows=[].slice.call(body.rows);
    var vals=rows.map(function(r){return cellValue(r.cells[col]);});
    var numeric=vals.some(function(v){return v.hasV;});
    var dir=th.getAttribute('aria-sort')==='descending'?'ascending':(th.getAttribute('aria-sort')==='ascending'?'descending':(numeric?'descending':'ascending'));
    var sign=dir==='ascending'?1:-1;
    var idx=rows.map(function(r,i){return i;});
    idx.sort(function(a,b){var x=vals[a],y=vals[b];
      if(numeric){var xm=isNaN(x.n),ym=isNaN(y.n);if(xm!==ym)return xm?1:-1;  /* missing values last */
        if(!xm&&x.n!==y.n)return sign*(x.n-y.n);}
      else if(x.t!==y.t)return sign*(x.t<y.t?-1:1);
      return a-b;});
    idx.forEach(function(i){body.appendChild(rows[i]);});
    [].forEach.call(table.tHead.rows[0].cells,function(c){if(c!==th)c.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir);}
  [].forEach.call(document.querySelectorAll('table.sortable'),function(table){
    if(!table.tHead||!table.tBodies.length)return;
    [].forEach.call(table.tHead.rows[0].cells,function(th,col){var b=document.createElement('button');b.type='button';b.className='sort';
      while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);b.title='sort by this column';
      b.addEventListener('click',function(){sortBy(table,col,th);});});
    var what=table.getAttribute('data-filter');if(!what)return;
    var box=table.closest('.scroll')||table;var bar=document.createElement('div');bar.className='table-filter';
    var inp=document.createElement('input');inp.type='search';inp.placeholder='filter by '+what;inp.setAttribute('aria-label','filter rows by '+what);
    if(table.id)inp.id=table.id+'-filter';
    var count=document.createElement('span');count.className='ci';bar.appendChild(inp);bar.appendChild(count);
    box.parentNode.insertBefore(bar,box);
    var rows=[].slice.call(table.tBodies[0].rows);
    function apply(){var q=inp.value.trim().toLowerCase();var n=0;rows.forEach(function(r){var ok=!q||r.cells[0].textContent.toLowerCase().indexOf(q)>=0;
      r.hidden=!ok;if(ok)n++;});count.textContent=q?(n+' of '+rows.length+' rows'):rows.length+' rows';}
    inp.addEventListener('input',apply);apply();});
})();
